using Mnas.Torch;
using Mnas.Workers.Training;

namespace Mnas.Benchmarks;

/// <summary>The first <paramref name="batches"/> training batches of each epoch of <paramref name="data"/>, and its validation batches.</summary>
internal sealed class FirstBatches(ITrainingData data, int batches) : ITrainingData
{
    public IEnumerable<(Tensor Images, Tensor Labels)> TrainBatches(int epoch) => data.TrainBatches(epoch).Take(batches);

    public IEnumerable<(Tensor Images, Tensor Labels)> ValidationBatches() => data.ValidationBatches();

    public int TrainBatchesPerEpoch => Math.Min(batches, data.TrainBatchesPerEpoch);
}
