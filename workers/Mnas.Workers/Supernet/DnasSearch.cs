using System.Diagnostics;
using Mnas.Torch;
using Mnas.Torch.Modules;
using Mnas.Torch.Optim;
using Mnas.Workers.Training;

namespace Mnas.Workers.Supernet;

/// <summary>
/// FBNet's differentiable search on one supernet: each epoch trains the weights w on one part of the proxy's training
/// data (SGD with the campaign's recipe, cosine schedule) and, past the warm-up, the architecture logits θ on the other
/// part (Adam), every step on a fresh Gumbel-softmax sample at the epoch's temperature, with the loss CE · α · (log
/// LAT)^β; afterwards architectures are sampled from P_θ = softmax(θ). With FBNetV2's channel search θ holds logits
/// over each position's widths too, and with its resolution search logits over the input sub-sampling factors
/// (<see cref="SupernetNetwork"/> mixes the stem over them, <see cref="SupernetLatency"/> weighs each resolution's table
/// by them); all train with the same Adam and are sampled with the candidates.
/// </summary>
/// <remarks>
/// Each epoch reseeds the engine's generator from the recipe's seed and the epoch (its batches come in the data's own
/// seeded order per epoch), so a search restored from the state saved after an epoch (<see cref="SaveState"/>) goes on
/// exactly as if it had never stopped.
/// </remarks>
public sealed partial class DnasSearch : IDisposable
{
    private readonly DnasOptions options;
    private readonly TrainingOptions recipe;
    private readonly SupernetLatency latency;
    private readonly Tensor mask;
    private readonly SGD weightOptimizer;
    private readonly Adam thetaOptimizer;
    private CosineAnnealingLR? schedule;

    /// <param name="resolutions">With FBNetV2's resolution search, the input sub-sampling factors (1 among them), and logits over them.</param>
    public DnasSearch(SupernetSpace space, SupernetLatency latency, DnasOptions options, TrainingOptions recipe, IReadOnlyList<int>? resolutions = null)
        : this(space, null, resolutions, latency, options, recipe)
    {
    }

    /// <summary>With FBNetV2's channel search: the supernet at its widest, and logits over each position's widths too.</summary>
    /// <param name="resolutions">With FBNetV2's resolution search too, the input sub-sampling factors (1 among them).</param>
    public DnasSearch(WidthSearch widths, SupernetLatency latency, DnasOptions options, TrainingOptions recipe, IReadOnlyList<int>? resolutions = null)
        : this(widths.Widest, widths, resolutions, latency, options, recipe)
    {
    }

    private DnasSearch(SupernetSpace space, WidthSearch? widths, IReadOnlyList<int>? resolutions, SupernetLatency latency, DnasOptions options,
        TrainingOptions recipe)
    {
        options.ThrowIfInvalid();
        recipe.ThrowIfInvalid();
        if (latency.Widths != (widths?.Multipliers.Count ?? 1))
        {
            throw new ArgumentException($"latency: the table holds {latency.Widths} width(s), the search {widths?.Multipliers.Count ?? 1}", nameof(latency));
        }
        if (latency.Resolutions != (resolutions?.Count ?? 1))
        {
            throw new ArgumentException($"latency: the table holds {latency.Resolutions} resolution(s), the search {resolutions?.Count ?? 1}", nameof(latency));
        }
        (Space, Widths, this.latency, this.options, this.recipe) = (space, widths, latency, options, recipe);
        Resolutions = resolutions is null ? null : SupernetResolution.Check(resolutions, nameof(resolutions));
        torch.set_num_threads(recipe.Threads);
        torch.manual_seed(recipe.Seed);
        Network = new SupernetNetwork(space, widths is null ? null : space.Positions.Select(p => widths.ChannelsAt(p.Index)).ToList(), Resolutions);
        Network.to(recipe.Device);
        Network.to(torch.channels_last);
        mask = space.Mask().to(recipe.Device).DetachFromDisposeScope();
        Theta = new Parameter(torch.zeros([space.Positions.Count, space.Candidates.Count], device: recipe.Device));
        ThetaWidths = widths is null ? null : new Parameter(torch.zeros([space.Positions.Count, widths.Multipliers.Count], device: recipe.Device));
        ThetaResolutions = Resolutions is null ? null : new Parameter(torch.zeros([Resolutions.Count], device: recipe.Device));
        weightOptimizer = torch.optim.SGD(Network.parameters(), recipe.LearningRate, recipe.Momentum, weight_decay: recipe.WeightDecay);
        thetaOptimizer = torch.optim.Adam(ArchitectureParameters(), options.ThetaLearningRate, weight_decay: options.ThetaWeightDecay);
    }

    public SupernetSpace Space { get; }

    /// <summary>The channel search, if the search has one.</summary>
    public WidthSearch? Widths { get; }

    /// <summary>The logits over each position's widths: [positions, widths], with a channel search.</summary>
    public Parameter? ThetaWidths { get; }

    /// <summary>The input sub-sampling factors, with a resolution search.</summary>
    public IReadOnlyList<int>? Resolutions { get; }

    /// <summary>The logits over the input resolutions: [resolutions], in the factors' order, with a resolution search.</summary>
    public Parameter? ThetaResolutions { get; }

    public SupernetNetwork Network { get; }

    /// <summary>θ: [positions, candidates]; the logits a position does not offer are masked off, not stored here.</summary>
    public Parameter Theta { get; }

    public int EpochsDone { get; private set; }

    public bool Finished => EpochsDone >= options.Epochs;

    /// <summary>Runs the epochs left; <paramref name="onEpoch"/> hears of each as it ends.</summary>
    public IReadOnlyList<DnasEpoch> Run(ITrainingData weightData, ITrainingData thetaData, Action<DnasEpoch>? onEpoch = null,
        CancellationToken cancellation = default)
    {
        var epochs = new List<DnasEpoch>();
        while (!Finished)
        {
            var epoch = RunEpoch(weightData, thetaData, cancellation);
            epochs.Add(epoch);
            onEpoch?.Invoke(epoch);
        }
        return epochs;
    }

    /// <summary>The next epoch: weight steps on <paramref name="weightData"/>, then, past the warm-up, θ steps on <paramref name="thetaData"/>.</summary>
    public DnasEpoch RunEpoch(ITrainingData weightData, ITrainingData thetaData, CancellationToken cancellation = default)
    {
        if (Finished)
        {
            throw new InvalidOperationException($"the search has run its {options.Epochs} epochs");
        }
        var clock = Stopwatch.StartNew();
        var epoch = EpochsDone + 1;
        torch.manual_seed(EpochSeed(epoch));
        var temperature = options.Temperature(epoch);
        schedule ??= torch.optim.lr_scheduler.CosineAnnealingLR(weightOptimizer, (long)options.Epochs * Math.Max(1, weightData.TrainBatchesPerEpoch));
        Network.train();
        double lossSum = 0, crossEntropySum = 0;
        long images = 0;
        var step = 0;
        foreach (var (batchImages, labels) in Batches(weightData, epoch, cancellation))
        {
            step++;
            weightOptimizer.zero_grad();
            GumbelSample sample;
            using (torch.no_grad())
            {
                sample = SampleWeights(temperature);
            }
            var (loss, crossEntropy) = Loss(batchImages, labels, sample, $"at epoch {epoch}, step {step}");
            loss.backward();
            weightOptimizer.step();
            schedule.step();
            var batch = labels.shape[0];
            lossSum += loss.item<float>() * batch;
            crossEntropySum += crossEntropy.item<float>() * batch;
            images += batch;
        }
        var thetaTrained = epoch > options.WarmupEpochs;
        if (thetaTrained)
        {
            foreach (var (batchImages, labels) in Batches(thetaData, epoch, cancellation))
            {
                thetaOptimizer.zero_grad();
                weightOptimizer.zero_grad();
                Loss(batchImages, labels, SampleWeights(temperature), $"in epoch {epoch}'s architecture steps").Loss.backward();
                thetaOptimizer.step();
            }
            weightOptimizer.zero_grad();
        }
        EpochsDone = epoch;
        return new DnasEpoch(epoch, temperature, lossSum / Math.Max(images, 1), crossEntropySum / Math.Max(images, 1), thetaTrained,
            ExpectedLatencyMs(), Distributions(), WidthDistributions(), ResolutionDistribution(), clock.Elapsed);
    }

    /// <summary>P_θ: each position's distribution over its candidates (0 for those it does not offer).</summary>
    public IReadOnlyList<IReadOnlyList<double>> Distributions()
    {
        using var scope = torch.NewDisposeScope();
        return Rows(Theta + mask);
    }

    /// <summary>Each position's distribution over its widths, with a channel search.</summary>
    public IReadOnlyList<IReadOnlyList<double>>? WidthDistributions() => ThetaWidths is null ? null : Rows(ThetaWidths);

    /// <summary>The distribution over the input resolutions (in the factors' order), with a resolution search.</summary>
    public IReadOnlyList<double>? ResolutionDistribution()
    {
        using var scope = torch.NewDisposeScope();
        return ThetaResolutions is null ? null : Rows(ThetaResolutions.unsqueeze(0))[0];
    }

    private static IReadOnlyList<IReadOnlyList<double>> Rows(Tensor logits)
    {
        using var scope = torch.NewDisposeScope();
        using var _ = torch.no_grad();
        var (rows, count) = ((int)logits.shape[0], (int)logits.shape[1]);
        var values = logits.softmax(-1).to("cpu").data<float>();
        return Enumerable.Range(0, rows)
            .Select(p => (IReadOnlyList<double>)Enumerable.Range(0, count).Select(c => (double)values[(p * count) + c]).ToArray()).ToList();
    }

    /// <summary>One Gumbel-softmax sample of the candidates and, with a channel search, of the widths, and with a resolution search, of the resolutions (noise drawn in that order).</summary>
    private GumbelSample SampleWeights(double temperature) =>
        new(GumbelSoftmax.Sample(Theta + mask, temperature, options.Hard),
            ThetaWidths is null ? null : GumbelSoftmax.Sample(ThetaWidths, temperature, options.Hard),
            ThetaResolutions is null ? null : GumbelSoftmax.Sample(ThetaResolutions, temperature, options.Hard));

    /// <summary>θ and, where searched, the width and resolution logits: the parameters Adam trains, in this order.</summary>
    private List<Parameter> ArchitectureParameters() =>
        new Parameter?[] { Theta, ThetaWidths, ThetaResolutions }.OfType<Parameter>().ToList();

    /// <summary>The latency the lookup table expects under P_θ, in milliseconds.</summary>
    public double ExpectedLatencyMs()
    {
        using var scope = torch.NewDisposeScope();
        using var _ = torch.no_grad();
        return latency.Expected((Theta + mask).softmax(-1).to(latency.Table.device), ThetaWidths?.softmax(-1).to(latency.Table.device),
            ThetaResolutions?.softmax(-1).to(latency.Table.device)).item<float>();
    }

    /// <summary>
    /// Up to <paramref name="count"/> distinct architectures drawn from P_θ (fewer when P_θ holds fewer), each as a
    /// choice per position, by a generator of the given seed.
    /// </summary>
    public IReadOnlyList<SupernetChoice> Sample(int count, int seed)
    {
        var random = new Random(seed);
        var distributions = Distributions();
        var widths = WidthDistributions();
        var resolutions = ResolutionDistribution();
        var found = new List<SupernetChoice>();
        for (var draw = 0; draw < count * 50 && found.Count < count; draw++)
        {
            var choice = new SupernetChoice(distributions.Select(d => Draw(d, random)).ToArray(), widths?.Select(d => Draw(d, random)).ToArray(),
                resolutions is null ? null : Draw(resolutions, random));
            if (!found.Any(f => f.Key == choice.Key))
            {
                found.Add(choice);
            }
        }
        return found;
    }

    /// <summary>The epoch's batches, each in a dispose scope of its own that ends with its step.</summary>
    private static IEnumerable<(Tensor Images, Tensor Labels)> Batches(ITrainingData data, int epoch, CancellationToken cancellation)
    {
        foreach (var (x, y) in data.TrainBatches(epoch))
        {
            using var images = x;
            using var labels = y;
            cancellation.ThrowIfCancellationRequested();
            using var scope = torch.NewDisposeScope();
            yield return (images, labels);
        }
    }

    /// <summary>The DNAS loss of a batch under a sample (and its cross-entropy); one that is not a number stops the search, saying <paramref name="where"/>.</summary>
    private (Tensor Loss, Tensor CrossEntropy) Loss(Tensor images, Tensor labels, GumbelSample sample, string where)
    {
        var input = images.to(recipe.Device).to(torch.channels_last);
        var logits = Network.forward(input, sample.Weights, sample.WidthWeights, sample.ResolutionWeights);
        var crossEntropy = torch.nn.functional.cross_entropy(logits, labels.to(recipe.Device), label_smoothing: recipe.LabelSmoothing);
        var device = latency.Table.device;
        var expected = latency.Expected(sample.Weights.to(device), sample.WidthWeights?.to(device), sample.ResolutionWeights?.to(device)).to(recipe.Device);
        var loss = DnasLoss.Of(crossEntropy, expected, options.Alpha, options.Beta);
        var value = loss.item<float>();
        return float.IsFinite(value) ? (loss, crossEntropy) : throw new DnasDivergedException($"the supernet's loss diverged to {value} {where}");
    }

    private static int Draw(IReadOnlyList<double> distribution, Random random)
    {
        var u = random.NextDouble();
        var cumulative = 0.0;
        var last = 0;
        for (var i = 0; i < distribution.Count; i++)
        {
            if (distribution[i] <= 0)
            {
                continue;
            }
            last = i;
            cumulative += distribution[i];
            if (u < cumulative)
            {
                return i;
            }
        }
        return last;
    }

    public void Dispose()
    {
        weightOptimizer.Dispose();
        thetaOptimizer.Dispose();
        Network.Dispose();
        Theta.Dispose();
        ThetaWidths?.Dispose();
        ThetaResolutions?.Dispose();
        mask.Dispose();
    }

    /// <summary>One Gumbel-softmax sample: [positions, candidates], and where searched [positions, widths] and [resolutions].</summary>
    private sealed record GumbelSample(Tensor Weights, Tensor? WidthWeights, Tensor? ResolutionWeights);
}
