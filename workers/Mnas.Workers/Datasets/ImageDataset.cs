namespace Mnas.Workers.Datasets;

/// <summary>
/// Labelled images held in memory as bytes: pixels N×C×H×W in row-major order (0..255), one label byte per image.
/// The arrays given to the constructor are taken over, not copied: do not change them afterwards.
/// </summary>
public sealed class ImageDataset
{
    private readonly byte[] pixels;
    private readonly byte[] labels;

    public ImageDataset(string name, byte[] pixels, byte[] labels, int channels, int height, int width, int classes,
        bool allowsHorizontalFlip, int? testStart = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(channels, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(height, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(width, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(classes, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(classes, 256);
        var imageSize = (long)channels * height * width;
        if (pixels.LongLength != imageSize * labels.LongLength)
        {
            throw new ArgumentException(
                $"{labels.Length} labels need {imageSize * labels.LongLength} pixel bytes ({channels}×{height}×{width} each); got {pixels.Length}",
                nameof(pixels));
        }
        for (var i = 0; i < labels.Length; i++)
        {
            if (labels[i] >= classes)
            {
                throw new ArgumentException($"label {labels[i]} of image {i} is not below the {classes} classes", nameof(labels));
            }
        }
        if (testStart is { } start && (start < 0 || start > labels.Length))
        {
            throw new ArgumentOutOfRangeException(nameof(testStart), start, $"the test part must start within the {labels.Length} images");
        }
        Name = name;
        this.pixels = pixels;
        this.labels = labels;
        Channels = channels;
        Height = height;
        Width = width;
        Classes = classes;
        AllowsHorizontalFlip = allowsHorizontalFlip;
        TestStart = testStart;
    }

    /// <summary>The source data set's name (<c>mnist</c>, <c>fashion-mnist</c>, <c>cifar10</c>); parts of it keep it.</summary>
    public string Name { get; }

    public int Count => labels.Length;
    public int Channels { get; }
    public int Height { get; }
    public int Width { get; }
    public int Classes { get; }

    /// <summary>Bytes per image: Channels × Height × Width.</summary>
    public int ImageSize => Channels * Height * Width;

    /// <summary>
    /// Whether a mirrored image is still an image of its class: the default for the training augmentation's flip
    /// (clothes and CIFAR objects yes, digits no).
    /// </summary>
    public bool AllowsHorizontalFlip { get; }

    /// <summary>
    /// Where the source's official test part begins (images before it are its official training part), or null when
    /// the source has no such division. Parts made by <see cref="DatasetSplit"/> have none.
    /// </summary>
    public int? TestStart { get; }

    public ReadOnlySpan<byte> Pixels => pixels;
    public ReadOnlySpan<byte> Labels => labels;

    /// <summary>The bytes of image <paramref name="index"/>, C×H×W.</summary>
    public ReadOnlySpan<byte> Image(int index) => pixels.AsSpan(checked(index * ImageSize), ImageSize);

    public byte Label(int index) => labels[index];

    /// <summary>A new data set of the given images, in the given order (copied).</summary>
    public ImageDataset Select(IReadOnlyList<int> indices)
    {
        var size = ImageSize;
        var selectedPixels = new byte[(long)indices.Count * size];
        var selectedLabels = new byte[indices.Count];
        for (var i = 0; i < indices.Count; i++)
        {
            var index = indices[i];
            if ((uint)index >= (uint)Count)
            {
                throw new ArgumentOutOfRangeException(nameof(indices), index, $"index {index} is outside the {Count} images");
            }
            Array.Copy(pixels, (long)index * size, selectedPixels, (long)i * size, size);
            selectedLabels[i] = labels[index];
        }
        return new ImageDataset(Name, selectedPixels, selectedLabels, Channels, Height, Width, Classes, AllowsHorizontalFlip);
    }

    public override string ToString() => $"{Name}: {Count} images {Channels}×{Height}×{Width}, {Classes} classes";
}
