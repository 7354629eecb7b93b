using Mnas.Torch;

namespace Mnas.Workers.Datasets;

/// <summary>
/// Turns a data set into batches of tensors, one epoch at a time. Each batch is assembled in a managed float array
/// and handed to libtorch in one <c>torch.tensor</c> call. Order and augmentation come from one System.Random seeded
/// with <see cref="BatchLoaderOptions.Seed"/> + epoch: the shuffle first, then per image, in batch order, the crop offsets
/// and the flip coin; the same options and epoch give the same batches. The caller disposes every <see cref="Batch"/>.
/// </summary>
public sealed class BatchLoader
{
    private readonly float[][] tables;

    public BatchLoader(ImageDataset dataset, Normalisation normalisation, BatchLoaderOptions? options = null)
    {
        options ??= new BatchLoaderOptions();
        ArgumentOutOfRangeException.ThrowIfLessThan(options.BatchSize, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(options.CropPadding);
        if (normalisation.Channels != dataset.Channels)
        {
            throw new ArgumentException($"the normalisation has {normalisation.Channels} channels but {dataset.Name} has {dataset.Channels}", nameof(normalisation));
        }
        Dataset = dataset;
        Normalisation = normalisation;
        Options = options;
        tables = normalisation.LookupTables();
    }

    public ImageDataset Dataset { get; }
    public Normalisation Normalisation { get; }
    public BatchLoaderOptions Options { get; }

    /// <summary>Whether images are mirrored at random: only when augmenting, and by default only if the data set allows it.</summary>
    public bool Flips => Options.Augment && (Options.HorizontalFlip ?? Dataset.AllowsHorizontalFlip);

    public int BatchesPerEpoch =>
        Options.DropLast ? Dataset.Count / Options.BatchSize : (Dataset.Count + Options.BatchSize - 1) / Options.BatchSize;

    /// <summary>The batches of one epoch, made as they are enumerated.</summary>
    public IEnumerable<Batch> Epoch(int epoch)
    {
        var random = new Random(unchecked(Options.Seed + epoch));
        var order = Enumerable.Range(0, Dataset.Count).ToArray();
        if (Options.Shuffle)
        {
            DatasetSplit.Shuffle(order, random);
        }
        var buffer = new float[(long)Options.BatchSize * Dataset.ImageSize];
        for (var start = 0; start < order.Length; start += Options.BatchSize)
        {
            var count = Math.Min(Options.BatchSize, order.Length - start);
            if (count < Options.BatchSize && Options.DropLast)
            {
                yield break;
            }
            if (count < Options.BatchSize)
            {
                buffer = new float[(long)count * Dataset.ImageSize];
            }
            yield return Make(order[start..(start + count)], buffer, random);
        }
    }

    private Batch Make(int[] indices, float[] buffer, Random random)
    {
        var size = Dataset.ImageSize;
        var labels = new long[indices.Length];
        var padding = Options.CropPadding;
        for (var i = 0; i < indices.Length; i++)
        {
            int shiftY = 0, shiftX = 0;
            var mirror = false;
            if (Options.Augment)
            {
                shiftY = random.Next(-padding, padding + 1);
                shiftX = random.Next(-padding, padding + 1);
                mirror = Flips && random.Next(2) == 1;
            }
            ImageAugmentation.Write(Dataset.Image(indices[i]), Dataset.Channels, Dataset.Height, Dataset.Width, tables,
                buffer.AsSpan(i * size, size), shiftY, shiftX, mirror);
            labels[i] = Dataset.Label(indices[i]);
        }
        var images = torch.tensor(buffer, [indices.Length, Dataset.Channels, Dataset.Height, Dataset.Width], device: Options.Device);
        try
        {
            return new Batch(images, torch.tensor(labels, [indices.Length], Options.Device), indices);
        }
        catch
        {
            images.Dispose();
            throw;
        }
    }
}
