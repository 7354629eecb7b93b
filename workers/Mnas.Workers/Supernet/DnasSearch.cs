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
public sealed class DnasSearch : IDisposable
{
    private readonly DnasOptions options;
    private readonly TrainingOptions recipe;
    private readonly SupernetLatency latency;
    private readonly Tensor mask;
    private readonly SGD weightOptimizer;
    private readonly Adam thetaOptimizer;
    private CosineAnnealingLR? schedule;

    public DnasSearch(SupernetSpace space, SupernetLatency latency, DnasOptions options, TrainingOptions recipe)
    {
        options.ThrowIfInvalid();
        recipe.ThrowIfInvalid();
        (Space, this.latency, this.options, this.recipe) = (space, latency, options, recipe);
        torch.set_num_threads(recipe.Threads);
        torch.manual_seed(recipe.Seed);
        Network = new SupernetNetwork(space);
        Network.to(recipe.Device);
        Network.to(torch.channels_last);
        mask = space.Mask().to(recipe.Device).DetachFromDisposeScope();
        Theta = new Parameter(torch.zeros([space.Positions.Count, space.Candidates.Count], device: recipe.Device));
        weightOptimizer = torch.optim.SGD(Network.parameters(), recipe.LearningRate, recipe.Momentum, weight_decay: recipe.WeightDecay);
        thetaOptimizer = torch.optim.Adam([Theta], options.ThetaLearningRate, weight_decay: options.ThetaWeightDecay);
    }

    public SupernetSpace Space { get; }

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
            using (torch.no_grad())
            {
                weights = GumbelSoftmax.Sample(Theta + mask, temperature, options.Hard);
            }
            var (loss, crossEntropy) = Loss(batchImages, labels, weights, $"at epoch {epoch}, step {step}");
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
                var weights = GumbelSoftmax.Sample(Theta + mask, temperature, options.Hard);
                Loss(batchImages, labels, weights, $"in epoch {epoch}'s architecture steps").Loss.backward();
                thetaOptimizer.step();
            }
            weightOptimizer.zero_grad();
        }
        EpochsDone = epoch;
        var distributions = Distributions();
        return new DnasEpoch(epoch, temperature, lossSum / Math.Max(images, 1), crossEntropySum / Math.Max(images, 1), thetaTrained,
            ExpectedLatencyMs(), distributions, clock.Elapsed);
    }

    /// <summary>P_θ: each position's distribution over its candidates (0 for those it does not offer).</summary>
    public IReadOnlyList<IReadOnlyList<double>> Distributions()
    {
        using var scope = torch.NewDisposeScope();
        using var _ = torch.no_grad();
        var values = (Theta + mask).softmax(-1).to("cpu").data<float>();
        var count = Space.Candidates.Count;
        return Enumerable.Range(0, Space.Positions.Count)
            .Select(p => (IReadOnlyList<double>)Enumerable.Range(0, count).Select(c => (double)values[(p * count) + c]).ToArray()).ToList();
    }

    /// <summary>The latency the lookup table expects under P_θ, in milliseconds.</summary>
    public double ExpectedLatencyMs()
    {
        using var scope = torch.NewDisposeScope();
        using var _ = torch.no_grad();
        return latency.Expected((Theta + mask).softmax(-1).to(latency.Table.device)).item<float>();
    }

    /// <summary>
    /// Up to <paramref name="count"/> distinct architectures drawn from P_θ (fewer when P_θ holds fewer), each as a
    /// choice per position, by a generator of the given seed.
    /// </summary>
    public IReadOnlyList<int[]> Sample(int count, int seed)
    {
        var random = new Random(seed);
        var distributions = Distributions();
        var found = new List<int[]>();
        for (var draw = 0; draw < count * 50 && found.Count < count; draw++)
        {
            var choices = distributions.Select(d => Draw(d, random)).ToArray();
            if (!found.Any(f => f.SequenceEqual(choices)))
            {
                found.Add(choices);
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
    private (Tensor Loss, Tensor CrossEntropy) Loss(Tensor images, Tensor labels, Tensor weights, string where)
    {
        var input = images.to(recipe.Device).to(torch.channels_last);
        var logits = Network.forward(input, weights);
        var crossEntropy = torch.nn.functional.cross_entropy(logits, labels.to(recipe.Device), label_smoothing: recipe.LabelSmoothing);
        var expected = latency.Expected(weights.to(latency.Table.device)).to(recipe.Device);
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
        mask.Dispose();
    }
}
