using Mnas.Grains.Contracts;
using Mnas.SearchSpace.Spec;
using Mnas.SearchSpace.Supernet;
using Mnas.Workers.Supernet;

namespace Mnas.Grains.Trainer;

/// <summary>What a supernet job asks, as the workers' search takes it, and what it answers, as the campaign keeps it.</summary>
public static class SupernetRequests
{
    /// <summary>The search a campaign's spec and strategy give: FBNet's over candidates; FBNetV2's with widths and resolutions too.</summary>
    public static SupernetJobRequest For(CampaignSpec spec, string strategy, byte[]? state)
    {
        var dnas = spec.Dnas;
        var options = new DnasOptions
        {
            Epochs = dnas.Epochs, WarmupEpochs = dnas.WarmupEpochs, InitialTemperature = dnas.InitialTemperature, TemperatureDecay = dnas.TemperatureDecay,
            Alpha = dnas.Alpha, Beta = dnas.Beta, ThetaLearningRate = dnas.ThetaLearningRate, ThetaWeightDecay = dnas.ThetaWeightDecay, Hard = dnas.Hard,
            Samples = dnas.Samples,
        };
        var v2 = strategy == "fbnetv2";
        return new SupernetJobRequest(spec, dnas.Candidates, options, ResumeState: state, Widths: v2 ? dnas.Widths : null,
            Resolutions: v2 && dnas.Resolutions.Count > 1 ? dnas.Resolutions : null);
    }

    public static SupernetEpochReported Epoch(TrainChild request, DnasEpoch epoch, byte[] state) =>
        new(request.CampaignId, request.Attempt, request.WorkerId, epoch.Epoch, epoch.Temperature, epoch.Loss, epoch.CrossEntropy, epoch.ThetaTrained,
            epoch.ExpectedLatencyMs, epoch.Distributions, epoch.WidthDistributions, epoch.ResolutionDistribution, epoch.Duration.TotalSeconds, state);

    public static SupernetPosterior Posterior(SupernetJobRequest request, DnasOutcome outcome) =>
        new(request.Candidates, outcome.Distributions, request.Widths, outcome.WidthDistributions, request.Resolutions, outcome.ResolutionDistribution,
            outcome.ExpectedLatencyMs, request.Options.Epochs);
}
