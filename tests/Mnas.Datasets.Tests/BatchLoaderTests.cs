using Mnas.Torch;
using Mnas.Workers.Datasets;

namespace Mnas.Datasets.Tests;

[Collection(TensorCollection.Name)]
public class BatchLoaderTests
{
    private static readonly Normalisation HalfAndQuarter = new([0.5f, 0.25f], [0.5f, 0.25f]);

    private static float Normalised(byte pixel, int channel) =>
        (float)((pixel / 255.0 - HalfAndQuarter.Mean[channel]) / HalfAndQuarter.Std[channel]);

    [Fact]
    public void batches_in_order_are_float32_nchw_normalised_with_int64_labels_and_a_short_last_batch()
    {
        var dataset = TinyData.Numbered(5, classes: 3, channels: 2, height: 2, width: 3);
        var loader = new BatchLoader(dataset, HalfAndQuarter, BatchLoaderOptions.Evaluation(batchSize: 2));
        Assert.Equal(3, loader.BatchesPerEpoch);

        var batches = loader.Epoch(0).ToList();
        try
        {
            Assert.Equal([[0, 1], [2, 3], [4]], batches.Select(b => b.Indices.ToArray()));
            var (images, labels) = batches[0];
            Assert.Equal([2L, 2, 2, 3], images.shape);
            Assert.Equal(ScalarType.Float32, images.dtype);
            Assert.Equal([2L], labels.shape);
            Assert.Equal(ScalarType.Int64, labels.dtype);
            Assert.Equal([0L, 1], labels.data<long>());
            Assert.Equal([2L, 0], batches[1].Labels.data<long>());
            Assert.Equal([1L, 2, 2, 3], batches[2].Images.shape);

            var values = images.data<float>();
            // Image 1, channel 1, first pixel: byte (1·7 + 6) = 13 → (13/255 − 0.25) / 0.25 = −0.7960784.
            Assert.Equal(-0.7960784f, values[12 + 6], 6);
            // Image 0, channel 0, last pixel: byte 5 → (5/255 − 0.5) / 0.5 = −0.9607843.
            Assert.Equal(-0.9607843f, values[5], 6);
            var expected = Enumerable.Range(0, 2).SelectMany(i => dataset.Image(i).ToArray().Select((p, k) => Normalised(p, k / 6)));
            Assert.Equal(expected, values);
        }
        finally
        {
            batches.ForEach(b => b.Dispose());
        }
    }

    [Fact]
    public void a_shuffled_epoch_visits_every_image_once_the_same_way_under_the_same_seed_and_otherwise_each_epoch()
    {
        var dataset = TinyData.Numbered(10);
        var options = new BatchLoaderOptions { BatchSize = 4, Shuffle = true, Seed = 7 };
        int[] Order(BatchLoader loader, int epoch)
        {
            var batches = loader.Epoch(epoch).ToList();
            batches.ForEach(b => b.Dispose());
            return batches.SelectMany(b => b.Indices).ToArray();
        }

        var first = Order(new BatchLoader(dataset, Normalisation.Identity(1), options), 0);
        Assert.Equal(Enumerable.Range(0, 10), first.Order());
        Assert.NotEqual(Enumerable.Range(0, 10), first);
        Assert.Equal(first, Order(new BatchLoader(dataset, Normalisation.Identity(1), options), 0));
        Assert.NotEqual(first, Order(new BatchLoader(dataset, Normalisation.Identity(1), options), 1));
        Assert.NotEqual(first, Order(new BatchLoader(dataset, Normalisation.Identity(1), options with { Seed = 8 }), 0));
    }

    [Fact]
    public void each_batch_holds_the_images_and_labels_of_its_indices()
    {
        var dataset = TinyData.Numbered(7, channels: 2, height: 2, width: 3);
        var loader = new BatchLoader(dataset, HalfAndQuarter, new BatchLoaderOptions { BatchSize = 3, Shuffle = true, Seed = 1 });
        foreach (var batch in loader.Epoch(2))
        {
            using (batch)
            {
                var values = batch.Images.data<float>();
                for (var i = 0; i < batch.Count; i++)
                {
                    var expected = dataset.Image(batch.Indices[i]).ToArray().Select((p, k) => Normalised(p, k / 6));
                    Assert.Equal(expected, values.Skip(i * 12).Take(12));
                }
                Assert.Equal(batch.Indices.Select(i => (long)dataset.Label(i)), batch.Labels.data<long>());
            }
        }
    }

    [Fact]
    public void drop_last_leaves_out_the_short_batch()
    {
        var dataset = TinyData.Numbered(10);
        var loader = new BatchLoader(dataset, Normalisation.Identity(1), new BatchLoaderOptions { BatchSize = 4, DropLast = true });
        Assert.Equal(2, loader.BatchesPerEpoch);
        var batches = loader.Epoch(0).ToList();
        batches.ForEach(b => b.Dispose());
        Assert.Equal([4, 4], batches.Select(b => b.Count));
    }

    [Fact]
    public void disposing_every_batch_leaves_no_tensor_alive()
    {
        var dataset = TinyData.Numbered(9);
        var loader = new BatchLoader(dataset, Normalisation.Identity(1), BatchLoaderOptions.Training(batchSize: 2, seed: 0));
        var before = Tensor.LiveCount;
        var seen = 0;
        foreach (var batch in loader.Epoch(0))
        {
            using (batch)
            {
                seen++;
                Assert.Equal(before + 2, Tensor.LiveCount); // this batch's images and labels; earlier ones are freed
            }
        }
        Assert.Equal(4, seen);
        Assert.Equal(before, Tensor.LiveCount);
    }

    [Fact]
    public void a_normalisation_for_other_channels_is_refused()
    {
        var dataset = TinyData.Numbered(3, channels: 2);
        Assert.Throws<ArgumentException>(() => new BatchLoader(dataset, Normalisation.Identity(1)));
    }
}
