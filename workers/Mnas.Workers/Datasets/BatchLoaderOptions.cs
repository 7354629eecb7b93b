namespace Mnas.Workers.Datasets;

/// <summary>
/// How <see cref="BatchLoader"/> batches a data set. With <see cref="Augment"/>, each image is randomly cropped after
/// <see cref="CropPadding"/> pixels of zero padding on every side (the shape stays H×W) and, when flipping applies,
/// mirrored left–right with probability ½. <see cref="HorizontalFlip"/> null takes the data set's default
/// (<see cref="ImageDataset.AllowsHorizontalFlip"/>: off for digits).
/// </summary>
public sealed record BatchLoaderOptions
{
    public int BatchSize { get; init; } = 64;

    /// <summary>Visit the images in a random order, drawn from System.Random(<see cref="Seed"/> + epoch).</summary>
    public bool Shuffle { get; init; }

    public int Seed { get; init; }

    /// <summary>Leave out a last batch smaller than <see cref="BatchSize"/>.</summary>
    public bool DropLast { get; init; }

    public bool Augment { get; init; }

    public bool? HorizontalFlip { get; init; }

    public int CropPadding { get; init; } = 2;

    /// <summary>Where the batch tensors are made (<c>"cpu"</c>, <c>"cuda"</c>); null for the CPU.</summary>
    public string? Device { get; init; }

    /// <summary>Shuffled, augmented, last partial batch dropped.</summary>
    public static BatchLoaderOptions Training(int batchSize, int seed) =>
        new() { BatchSize = batchSize, Shuffle = true, Seed = seed, DropLast = true, Augment = true };

    /// <summary>In order, as they are, every image.</summary>
    public static BatchLoaderOptions Evaluation(int batchSize) => new() { BatchSize = batchSize };
}
