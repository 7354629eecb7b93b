using Mnas.Torch;
using Mnas.Workers.Training;

namespace Mnas.Workers.Tests;

public sealed class DownsampledDataTests
{
    [Theory]
    [InlineData(2, 8)]
    [InlineData(3, 6)]
    public void batches_keep_every_factor_th_pixel_of_each_side_and_their_labels(int factor, int side)
    {
        var data = new SyntheticData(8, 8, batch: 4);
        var low = new DownsampledData(new SyntheticData(8, 8, batch: 4), factor);

        foreach (var ((full, labels), (kept, keptLabels)) in data.TrainBatches(1).Zip(low.TrainBatches(1)))
        {
            using (full)
            using (labels)
            using (kept)
            using (keptLabels)
            {
                Assert.Equal([4L, 1L, side, side], kept.shape);
                Assert.Equal(labels.data<long>().ToArray(), keptLabels.data<long>().ToArray());
                var fullPixels = full.contiguous().data<float>().ToArray();
                var keptPixels = kept.data<float>().ToArray();
                for (var n = 0; n < 4; n++)
                {
                    for (var i = 0; i < side; i++)
                    {
                        for (var j = 0; j < side; j++)
                        {
                            Assert.Equal(fullPixels[(((n * SyntheticData.Side) + (i * factor)) * SyntheticData.Side) + (j * factor)],
                                keptPixels[(((n * side) + i) * side) + j]);
                        }
                    }
                }
            }
        }
        Assert.Equal(data.TrainBatchesPerEpoch, low.TrainBatchesPerEpoch);
    }

    [Fact]
    public void validation_batches_are_down_sampled_too_and_a_factor_below_one_is_refused()
    {
        var low = new DownsampledData(new SyntheticData(8, 8, batch: 8), 2);
        var (images, labels) = low.ValidationBatches().Single();
        using (images)
        using (labels)
        {
            Assert.Equal([8L, 1L, 8L, 8L], images.shape);
        }
        Assert.Throws<ArgumentOutOfRangeException>(() => new DownsampledData(new SyntheticData(8, 8, batch: 8), 0));
    }
}
