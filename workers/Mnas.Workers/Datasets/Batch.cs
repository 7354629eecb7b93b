using Mnas.Torch;

namespace Mnas.Workers.Datasets;

/// <summary>
/// One batch: images float32 N×C×H×W (normalised), labels int64 N. The batch owns both tensors: dispose it when the
/// step is done. They are also registered with the dispose scope that was current when the loader made them, which is
/// the scope around the <c>foreach</c>, not one opened inside its body.
/// </summary>
public sealed class Batch : IDisposable
{
    internal Batch(Tensor images, Tensor labels, int[] indices)
    {
        Images = images;
        Labels = labels;
        Indices = indices;
    }

    public Tensor Images { get; }
    public Tensor Labels { get; }

    /// <summary>The data set index of each image, in batch order.</summary>
    public IReadOnlyList<int> Indices { get; }

    public int Count => Indices.Count;

    public void Deconstruct(out Tensor images, out Tensor labels)
    {
        images = Images;
        labels = Labels;
    }

    public void Dispose()
    {
        Images.Dispose();
        Labels.Dispose();
    }
}
