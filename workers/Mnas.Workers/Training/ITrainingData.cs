using Mnas.Torch;

namespace Mnas.Workers.Training;

/// <summary>Where a child's batches come from. Each batch's tensors belong to the caller, who disposes them.</summary>
public interface ITrainingData
{
    /// <summary>Batches of one training epoch, in the (seeded) order for that epoch.</summary>
    IEnumerable<(Tensor Images, Tensor Labels)> TrainBatches(int epoch);

    /// <summary>Every validation image once, in a fixed order, without augmentation.</summary>
    IEnumerable<(Tensor Images, Tensor Labels)> ValidationBatches();

    int TrainBatchesPerEpoch { get; }
}
