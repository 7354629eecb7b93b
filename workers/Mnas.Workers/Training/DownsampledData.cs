using Mnas.Torch;
using Mnas.Workers.Supernet;

namespace Mnas.Workers.Training;

/// <summary>
/// A task's batches at a lower input resolution: every <c>factor</c>-th pixel of each side kept (nearest down-sampling,
/// ⌈side/factor⌉ pixels), the pixels a supernet's resolution search kept for that factor. A child drawn at that
/// resolution trains and is scored on them.
/// </summary>
public sealed class DownsampledData(ITrainingData data, int factor) : ITrainingData
{
    public int Factor { get; } = factor >= 1 ? factor : throw new ArgumentOutOfRangeException(nameof(factor), factor, "must be at least 1");

    public int TrainBatchesPerEpoch => data.TrainBatchesPerEpoch;

    public IEnumerable<(Tensor Images, Tensor Labels)> TrainBatches(int epoch) => data.TrainBatches(epoch).Select(Downsampled);

    public IEnumerable<(Tensor Images, Tensor Labels)> ValidationBatches() => data.ValidationBatches().Select(Downsampled);

    private (Tensor Images, Tensor Labels) Downsampled((Tensor Images, Tensor Labels) batch)
    {
        using var images = batch.Images;
        using var kept = ResolutionMasking.Downsample(images, Factor);
        return (kept.contiguous(), batch.Labels);
    }
}
