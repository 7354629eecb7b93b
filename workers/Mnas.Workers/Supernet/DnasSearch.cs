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
/// LAT)^β; afterwards architectures are sampled from P_θ = softmax(θ).
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

    public DnasSearch(SupernetSpace space, SupernetLatency latency, DnasOptions options, TrainingOptions recipe)
        : this(space, null, latency, options, recipe)
    {
    }

    /// <summary>With FBNetV2's channel search: the supernet at its widest, and logits over each position's widths too.</summary>
    public DnasSearch(WidthSearch widths, SupernetLatency latency, DnasOptions options, TrainingOptions recipe)
        : this(widths.Widest, widths, latency, options, recipe)
    {
    }

    private DnasSearch(SupernetSpace space, WidthSearch? widths, SupernetLatency latency, DnasOptions options, TrainingOptions recipe)
    {
        options.ThrowIfInvalid();
        recipe.ThrowIfInvalid();
        if (latency.Widths != (widths?.Multipliers.Count ?? 1))
        {
            throw new ArgumentException($"latency: the table holds {latency.Widths} width(s), the search {widths?.Multipliers.Count ?? 1}", nameof(latency));
        }
        (Space, Widths, this.latency, this.options, this.recipe) = (space, widths, latency, options, recipe);
        torch.set_num_threads(recipe.Threads);
        torch.manual_seed(recipe.Seed);
        Network = new SupernetNetwork(space, widths is null ? null : space.Positions.Select(p => widths.ChannelsAt(p.Index)).ToList());
        Network.to(recipe.Device);
        Network.to(torch.channels_last);
        mask = space.Mask().to(recipe.Device).DetachFromDisposeScope();
        Theta = new Parameter(torch.zeros([space.Positions.Count, space.Candidates.Count], device: recipe.Device));
        ThetaWidths = widths is null ? null : new Parameter(torch.zeros([space.Positions.Count, widths.Multipliers.Count], device: recipe.Device));
        weightOptimizer = torch.optim.SGD(Network.parameters(), recipe.LearningRate, recipe.Momentum, weight_decay: recipe.WeightDecay);
        thetaOptimizer = torch.optim.Adam(ThetaWidths is null ? [Theta] : [Theta, ThetaWidths], options.ThetaLearningRate,
            weight_decay: options.ThetaWeightDecay);
    }

    public SupernetSpace Space { get; }

    /// <summary>The channel search, if the search has one.</summary>
    public WidthSearch? Widths { get; }

    /// <summary>The logits over each position's widths: [positions, widths], with a channel search.</summary>
    public Parameter? ThetaWidths { get; }

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
            Tensor weights;
            Tensor? widthWeights;
            using (torch.no_grad())
            {
                (weights, widthWeights) = SampleWeights(temperature);
            }
            var (loss, crossEntropy) = Loss(batchImages, labels, weights, widthWeights, $"at epoch {epoch}, step {step}");
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
                var (weights, widthWeights) = SampleWeights(temperature);
                Loss(batchImages, labels, weights, widthWeights, $"in epoch {epoch}'s architecture steps").Loss.backward();
                thetaOptimizer.step();
            }
            weightOptimizer.zero_grad();
        }
        EpochsDone = epoch;
        return new DnasEpoch(epoch, temperature, lossSum / Math.Max(images, 1), crossEntropySum / Math.Max(images, 1), thetaTrained,
            ExpectedLatencyMs(), Distributions(), WidthDistributions(), clock.Elapsed);
    }

    /// <summary>P_θ: each position's distribution over its candidates (0 for those it does not offer).</summary>
    public IReadOnlyList<IReadOnlyList<double>> Distributions()
    {
        using var scope = torch.NewDisposeScope();
        return Rows(Theta + mask);
    }

    /// <summary>Each position's distribution over its widths, with a channel search.</summary>
    public IReadOnlyList<IReadOnlyList<double>>? WidthDistributions() => ThetaWidths is null ? null : Rows(ThetaWidths);

    private static IReadOnlyList<IReadOnlyList<double>> Rows(Tensor logits)
    {
        using var scope = torch.NewDisposeScope();
        using var _ = torch.no_grad();
        var (rows, count) = ((int)logits.shape[0], (int)logits.shape[1]);
        var values = logits.softmax(-1).to("cpu").data<float>();
        return Enumerable.Range(0, rows)
            .Select(p => (IReadOnlyList<double>)Enumerable.Range(0, count).Select(c => (double)values[(p * count) + c]).ToArray()).ToList();
    }

    /// <summary>One Gumbel-softmax sample of the candidates and, with a channel search, of the widths.</summary>
    private (Tensor Weights, Tensor? WidthWeights) SampleWeights(double temperature) =>
        (GumbelSoftmax.Sample(Theta + mask, temperature, options.Hard),
            ThetaWidths is null ? null : GumbelSoftmax.Sample(ThetaWidths, temperature, options.Hard));

    /// <summary>The latency the lookup table expects under P_θ, in milliseconds.</summary>
    public double ExpectedLatencyMs()
    {
        using var scope = torch.NewDisposeScope();
        using var _ = torch.no_grad();
        return latency.Expected((Theta + mask).softmax(-1).to(latency.Table.device), ThetaWidths?.softmax(-1).to(latency.Table.device)).item<float>();
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
        var found = new List<SupernetChoice>();
        for (var draw = 0; draw < count * 50 && found.Count < count; draw++)
        {
            var choice = new SupernetChoice(distributions.Select(d => Draw(d, random)).ToArray(), widths?.Select(d => Draw(d, random)).ToArray());
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
    private (Tensor Loss, Tensor CrossEntropy) Loss(Tensor images, Tensor labels, Tensor weights, Tensor? widthWeights, string where)
    {
        var input = images.to(recipe.Device).to(torch.channels_last);
        var logits = Network.forward(input, weights, widthWeights);
        var crossEntropy = torch.nn.functional.cross_entropy(logits, labels.to(recipe.Device), label_smoothing: recipe.LabelSmoothing);
        var expected = latency.Expected(weights.to(latency.Table.device), widthWeights?.to(latency.Table.device)).to(recipe.Device);
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
        mask.Dispose();
    }
}
