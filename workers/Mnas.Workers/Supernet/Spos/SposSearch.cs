using System.Diagnostics;
using Mnas.Torch;
using Mnas.Torch.Modules;
using Mnas.Torch.Optim;
using Mnas.Workers.Training;

namespace Mnas.Workers.Supernet;

/// <summary>
/// Single-path one-shot training of a supernet (SPOS), the way BN-NAS trains it: every step draws one candidate per
/// position, uniformly among those the position offers, and trains that path alone (the <see cref="SupernetNetwork"/>
/// driven by a one-hot row per position runs only the chosen candidate) with SGD under the campaign's recipe and a
/// cosine schedule over every step. <see cref="SposTraining.BnOnly"/> trains the batch norms' γ and β only — every
/// other weight is frozen at its random initialisation and has no optimiser state —, <see cref="SposTraining.Full"/>
/// every weight. After each epoch the BN indicator (<see cref="BnIndicator"/>) scores every candidate at every position.
/// </summary>
/// <remarks>
/// Each epoch reseeds the engine's generator and the paths' generator from the recipe's seed and the epoch (its batches
/// come in the data's own seeded order per epoch), so a search restored from the state saved after an epoch
/// (<see cref="SaveState"/>) goes on exactly as if it had never stopped.
/// </remarks>
public sealed partial class SposSearch : IDisposable
{
    private readonly SposOptions options;
    private readonly TrainingOptions recipe;
    private readonly Parameter[] trained;
    private readonly SGD optimizer;
    private CosineAnnealingLR? schedule;
    private IReadOnlyList<IReadOnlyList<double>>? previousScores;

    public SposSearch(SupernetSpace space, SposOptions options, TrainingOptions recipe)
    {
        ArgumentNullException.ThrowIfNull(space);
        options.ThrowIfInvalid();
        recipe.ThrowIfInvalid();
        BnIndicator.ThrowIfUnscorable(space.Candidates);
        (Space, this.options, this.recipe) = (space, options, recipe);
        torch.set_num_threads(recipe.Threads);
        torch.manual_seed(recipe.Seed);
        Network = new SupernetNetwork(space);
        Network.to(recipe.Device);
        Network.to(torch.channels_last);
        trained = TrainedParameters(Network, options.Training);
        optimizer = torch.optim.SGD(trained, recipe.LearningRate, recipe.Momentum, weight_decay: recipe.WeightDecay);
    }

    public SupernetSpace Space { get; }

    public SupernetNetwork Network { get; }

    public SposTraining Training => options.Training;

    public int EpochsDone { get; private set; }

    public bool Finished => EpochsDone >= options.Epochs;

    /// <summary>Runs the epochs left; <paramref name="onEpoch"/> hears of each as it ends.</summary>
    public IReadOnlyList<SposEpoch> Run(ITrainingData data, Action<SposEpoch>? onEpoch = null, CancellationToken cancellation = default)
    {
        var epochs = new List<SposEpoch>();
        while (!Finished)
        {
            var epoch = RunEpoch(data, cancellation);
            epochs.Add(epoch);
            onEpoch?.Invoke(epoch);
        }
        return epochs;
    }

    /// <summary>The next epoch: one step per training batch, each on a freshly drawn path.</summary>
    public SposEpoch RunEpoch(ITrainingData data, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(data);
        if (Finished)
        {
            throw new InvalidOperationException($"the supernet has trained its {options.Epochs} epochs");
        }
        var clock = Stopwatch.StartNew();
        var epoch = EpochsDone + 1;
        var seed = EpochSeed(epoch);
        torch.manual_seed(seed);
        var paths = new Random(unchecked((int)seed ^ (int)(seed >> 32)));
        schedule ??= torch.optim.lr_scheduler.CosineAnnealingLR(optimizer, (long)options.Epochs * Math.Max(1, data.TrainBatchesPerEpoch));
        Network.train();
        double lossSum = 0, crossEntropySum = 0;
        long images = 0;
        var step = 0;
        foreach (var (x, y) in data.TrainBatches(epoch))
        {
            using var batchImages = x;
            using var labels = y;
            cancellation.ThrowIfCancellationRequested();
            using var scope = torch.NewDisposeScope();
            step++;
            optimizer.zero_grad();
            var logits = Network.forward(batchImages.to(recipe.Device).to(torch.channels_last), Path(Draw(paths)));
            var target = labels.to(recipe.Device);
            var loss = torch.nn.functional.cross_entropy(logits, target, label_smoothing: recipe.LabelSmoothing);
            var value = loss.item<float>();
            if (!float.IsFinite(value))
            {
                throw new SposDivergedException($"the supernet's loss diverged to {value} at epoch {epoch}, step {step}");
            }
            loss.backward();
            optimizer.step();
            schedule.step();
            float crossEntropy;
            using (torch.no_grad())
            {
                crossEntropy = torch.nn.functional.cross_entropy(logits.detach(), target).item<float>();
            }
            var batch = labels.shape[0];
            lossSum += value * batch;
            crossEntropySum += crossEntropy * batch;
            images += batch;
        }
        optimizer.zero_grad();
        EpochsDone = epoch;
        var scores = Scores();
        double? distance = previousScores is null ? null : RankingDistance.Between(previousScores, scores, Space.Offers);
        previousScores = scores;
        return new SposEpoch(epoch, lossSum / Math.Max(images, 1), crossEntropySum / Math.Max(images, 1), scores, distance, clock.Elapsed);
    }

    /// <summary>The BN indicator now: [positions][candidates], 0 where a position does not offer the candidate.</summary>
    public IReadOnlyList<IReadOnlyList<double>> Scores() => BnIndicator.Scores(Network);

    /// <summary>One candidate per position, uniformly among those it offers.</summary>
    private int[] Draw(Random paths) =>
        Space.Positions.Select(p =>
        {
            var offered = Enumerable.Range(0, Space.Candidates.Count).Where(c => Space.Offers(p.Index, c)).ToList();
            return offered[paths.Next(offered.Count)];
        }).ToArray();

    /// <summary>The one-hot rows that drive the supernet along a path: [positions, candidates] on the recipe's device.</summary>
    private Tensor Path(IReadOnlyList<int> choice)
    {
        var count = Space.Candidates.Count;
        var values = new float[Space.Positions.Count * count];
        for (var p = 0; p < choice.Count; p++)
        {
            if (choice[p] < 0 || choice[p] >= count || !Space.Offers(p, choice[p]))
            {
                throw new ArgumentException($"choice[{p}]: position {p} does not offer candidate {choice[p]}", nameof(choice));
            }
            values[(p * count) + choice[p]] = 1f;
        }
        return torch.tensor(values, [Space.Positions.Count, count]).to(recipe.Device);
    }

    /// <summary>
    /// What the optimiser trains: with BN-only training the batch norms' γ and β, every other parameter no longer
    /// requiring a gradient; with full training every parameter.
    /// </summary>
    private static Parameter[] TrainedParameters(SupernetNetwork network, SposTraining training)
    {
        if (training == SposTraining.Full)
        {
            return network.parameters().ToArray();
        }
        var norms = network.modules().OfType<BatchNorm2d>().SelectMany(bn => new[] { bn.weight, bn.bias }).OfType<Parameter>()
            .ToHashSet(ReferenceEqualityComparer.Instance);
        foreach (var parameter in network.parameters())
        {
            parameter.requires_grad = norms.Contains(parameter);
        }
        return network.parameters().Where(norms.Contains).ToArray();
    }

    private long EpochSeed(int epoch) => unchecked((recipe.Seed * 1_000_003) + epoch);

    public void Dispose()
    {
        optimizer.Dispose();
        Network.Dispose();
    }
}
