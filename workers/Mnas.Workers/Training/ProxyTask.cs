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
        var (trainPart, validationPart) = dataset.Split(options.ValidationFraction, options.Seed);
        if (options.TrainSubset is { } subset && subset < trainPart.Count)
        {
            trainPart = trainPart.Subset(subset, options.Seed);
        }
        if (options.ValidationSubset is { } validationSubset && validationSubset < validationPart.Count)
        {
            validationPart = validationPart.Subset(validationSubset, options.Seed);
        }
        var normalisation = Normalisation.Measure(trainPart);
        train = new BatchLoader(trainPart, normalisation, BatchLoaderOptions.Training(options.BatchSize, options.Seed) with { Augment = options.Augment, Device = options.Device });
        validation = new BatchLoader(validationPart, normalisation, BatchLoaderOptions.Evaluation(options.BatchSize) with { Device = options.Device });
        Input = (dataset.Channels, dataset.Height, dataset.Width);
        Classes = dataset.Classes;
    }

    /// <summary>Loads the named dataset from the cache (see <see cref="DatasetCache"/>) and prepares the task.</summary>
    public static ProxyTask Load(string datasetName, ProxyTaskOptions options, string? cacheDirectory = null) =>
        new(DatasetCache.Load(datasetName, cacheDirectory), options);

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
