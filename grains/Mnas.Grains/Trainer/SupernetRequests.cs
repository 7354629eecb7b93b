using Mnas.Grains.Contracts;
using Mnas.SearchSpace.Spec;
using Mnas.SearchSpace.Supernet;
using Mnas.Workers.Supernet;

namespace Mnas.Grains.Trainer;

/// <summary>What a supernet job asks, as the workers' search takes it, and what it answers, as the campaign keeps it.</summary>
public static class SupernetRequests
{
    /// <summary>
    /// The search a campaign's spec and strategy give: FBNet's over candidates; FBNetV2's with widths and resolutions too;
    /// BN-NAS's single-path one (its epochs: all of bnnas.epochs in full training, their BN-only share otherwise).
    /// </summary>
    public static SupernetJobRequest For(CampaignSpec spec, string strategy, byte[]? state)
    {
        if (SupernetStrategies.SinglePath(strategy))
        {
            var bnnas = spec.Bnnas;
            var spos = new SposOptions
            {
                Epochs = bnnas.TrainedEpochs(), Training = bnnas.Training == BnNasSpec.FullTraining ? SposTraining.Full : SposTraining.BnOnly,
            };
            return new SupernetJobRequest(spec, bnnas.Candidates, new DnasOptions(), ResumeState: state, Spos: spos);
        }
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

    /// <summary>A single-path epoch as the campaign keeps it: no temperature, θ never trained, the paths' uniform distribution and the latency expected under it.</summary>
    public static SupernetEpochReported Epoch(TrainChild request, BnNasEpoch epoch, byte[] state) =>
        new(request.CampaignId, request.Attempt, request.WorkerId, epoch.Training.Epoch, 0, epoch.Training.Loss, epoch.Training.CrossEntropy, false,
            epoch.ExpectedLatencyMs, epoch.Distributions, null, null, epoch.Training.Duration.TotalSeconds, state, epoch.Training.Scores,
            epoch.Training.RankingDistance);

    /// <summary>A trained single-path supernet: its uniform distribution, the latency expected under it, its BN indicator and costs.</summary>
    public static SupernetPosterior Posterior(SupernetJobRequest request, BnNasOutcome outcome) =>
        new(request.Candidates, outcome.Distributions, null, null, null, null, outcome.ExpectedLatencyMs, request.Spos!.Epochs)
        {
            Scores = outcome.Scores,
            Costs = outcome.Costs,
        };

    public static SupernetPosterior Posterior(SupernetJobRequest request, DnasOutcome outcome) =>
        new(request.Candidates, outcome.Distributions, request.Widths, outcome.WidthDistributions, request.Resolutions, outcome.ResolutionDistribution,
            outcome.ExpectedLatencyMs, request.Options.Epochs);
}
