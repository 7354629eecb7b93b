using Mnas.Workers.Datasets;

namespace Mnas.Datasets.Tests;

/// <summary>Small hand-made data sets whose every pixel is known.</summary>
internal static class TinyData
{
    /// <summary>Image i has label i % classes and pixel p (C×H×W order) = (i * 7 + p) % 256, so every image differs.</summary>
    public static ImageDataset Numbered(int count, int classes = 3, int channels = 1, int height = 4, int width = 4,
        bool allowsHorizontalFlip = true, int? testStart = null)
    {
        var size = channels * height * width;
        var pixels = new byte[count * size];
        for (var i = 0; i < count; i++)
        {
            for (var p = 0; p < size; p++)
            {
                pixels[i * size + p] = (byte)((i * 7 + p) % 256);
            }
        }
        var labels = Enumerable.Range(0, count).Select(i => (byte)(i % classes)).ToArray();
        return new ImageDataset("tiny", pixels, labels, channels, height, width, classes, allowsHorizontalFlip, testStart);
    }

    /// <summary>The index of the <see cref="Numbered"/> image equal to <paramref name="image"/> (images are unique below 256), or −1.</summary>
    public static int IndexOf(ImageDataset numbered, ReadOnlySpan<byte> image)
    {
        for (var i = 0; i < numbered.Count; i++)
        {
            if (numbered.Image(i).SequenceEqual(image))
            {
                return i;
            }
        }
        return -1;
    }
}
