using Mnas.Torch;
using Mnas.Workers.Datasets;

namespace Mnas.Workers.Training;

/// <summary>
/// A proxy task's data: a cached dataset split (deterministically, by seed) into training and
/// validation images that are never trained on, an optional training subset, normalisation
/// measured on the training part, and augmented, shuffled training batches.
/// </summary>
public sealed class ProxyTask : ITrainingData
{
    private readonly BatchLoader train;
    private readonly BatchLoader validation;

    public ProxyTask(ImageDataset dataset, ProxyTaskOptions options)
    {
        options.ThrowIfInvalid();
        var (trainPart, validationPart) = Parts(dataset, options);
        (train, validation) = Loaders(trainPart, validationPart, Normalisation.Measure(trainPart), options);
        Input = (dataset.Channels, dataset.Height, dataset.Width);
        Classes = dataset.Classes;
    }

    private ProxyTask(ImageDataset trainPart, ImageDataset validationPart, Normalisation normalisation, ProxyTaskOptions options, ImageDataset dataset)
    {
        (train, validation) = Loaders(trainPart, validationPart, normalisation, options);
        Input = (dataset.Channels, dataset.Height, dataset.Width);
        Classes = dataset.Classes;
    }

    /// <summary>
    /// The task's training part split once more, by seed, for a differentiable search: <paramref name="weightFraction"/>
    /// of it trains the supernet's weights, the rest its architecture logits. Both keep the task's validation part and
    /// the normalisation measured on the whole training part.
    /// </summary>
    public static (ProxyTask Weights, ProxyTask Architecture) ForSupernet(ImageDataset dataset, ProxyTaskOptions options, double weightFraction = 0.8)
    {
        options.ThrowIfInvalid();
        if (weightFraction is <= 0 or >= 1)
        {
            throw new ArgumentOutOfRangeException(nameof(weightFraction), weightFraction, "the weights' share of the training part must lie in (0, 1)");
        }
        var (trainPart, validationPart) = Parts(dataset, options);
        var normalisation = Normalisation.Measure(trainPart);
        var (weightPart, architecturePart) = trainPart.Split(1 - weightFraction, options.Seed + 1);
        return (new ProxyTask(weightPart, validationPart, normalisation, options, dataset),
            new ProxyTask(architecturePart, validationPart, normalisation, options with { Seed = options.Seed + 1 }, dataset));
    }

    private static (ImageDataset Train, ImageDataset Validation) Parts(ImageDataset dataset, ProxyTaskOptions options)
    {
        var (trainPart, validationPart) = dataset.Split(options.ValidationFraction, options.Seed);
        if (options.TrainSubset is { } subset && subset < trainPart.Count)
        {
            trainPart = trainPart.Subset(subset, options.Seed);
        }
        if (options.ValidationSubset is { } validationSubset && validationSubset < validationPart.Count)
        {
            validationPart = validationPart.Subset(validationSubset, options.Seed);
        }
        return (trainPart, validationPart);
    }

    private static (BatchLoader Train, BatchLoader Validation) Loaders(ImageDataset trainPart, ImageDataset validationPart, Normalisation normalisation,
        ProxyTaskOptions options) =>
        (new BatchLoader(trainPart, normalisation, BatchLoaderOptions.Training(options.BatchSize, options.Seed) with { Augment = options.Augment, Device = options.Device }),
            new BatchLoader(validationPart, normalisation, BatchLoaderOptions.Evaluation(options.BatchSize) with { Device = options.Device }));

    /// <summary>Loads the named dataset from the cache (see <see cref="DatasetCache"/>) and prepares the task.</summary>
    public static ProxyTask Load(string datasetName, ProxyTaskOptions options, string? cacheDirectory = null) =>
        new(DatasetCache.Load(datasetName, cacheDirectory), options);

    /// <summary>Loads the named dataset from the cache and splits it for a differentiable search (<see cref="ForSupernet"/>).</summary>
    public static (ProxyTask Weights, ProxyTask Architecture) LoadForSupernet(string datasetName, ProxyTaskOptions options, string? cacheDirectory = null) =>
        ForSupernet(DatasetCache.Load(datasetName, cacheDirectory), options);

    public (int Channels, int Height, int Width) Input { get; }

    public int Classes { get; }

    public int TrainImages => train.Dataset.Count;

    public int ValidationImages => validation.Dataset.Count;

    public int TrainBatchesPerEpoch => train.BatchesPerEpoch;

    public IEnumerable<(Tensor Images, Tensor Labels)> TrainBatches(int epoch) => Unwrap(train.Epoch(epoch));

    public IEnumerable<(Tensor Images, Tensor Labels)> ValidationBatches() => Unwrap(validation.Epoch(0));

    private static IEnumerable<(Tensor, Tensor)> Unwrap(IEnumerable<Batch> batches)
    {
        foreach (var batch in batches)
        {
            yield return (batch.Images, batch.Labels);
        }
    }
}
