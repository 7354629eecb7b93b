using Mnas.Torch;
using Mnas.Workers.Datasets;

namespace Mnas.Datasets.Tests;

[Collection(TensorCollection.Name)]
public class AugmentationTests
{
    private static List<float[]> Images(BatchLoader loader, int epoch)
    {
        var images = new List<float[]>();
        foreach (var batch in loader.Epoch(epoch))
        {
            using (batch)
            {
                var values = batch.Images.data<float>();
                var size = loader.Dataset.ImageSize;
                images.AddRange(Enumerable.Range(0, batch.Count).Select(i => values[(i * size)..((i + 1) * size)]));
            }
        }
        return images;
    }

    private static ImageDataset Copies(int count, byte[] image, int height, int width, bool allowsHorizontalFlip) =>
        new("copies", [.. Enumerable.Repeat(image, count).SelectMany(i => i)], new byte[count], 1, height, width, 1, allowsHorizontalFlip);

    [Fact]
    public void augmented_batches_repeat_exactly_under_the_same_seed_and_epoch()
    {
        var dataset = TinyData.Numbered(12, height: 6, width: 6);
        var options = BatchLoaderOptions.Training(batchSize: 4, seed: 21);
        var first = Images(new BatchLoader(dataset, Normalisation.Identity(1), options), 3);
        var second = Images(new BatchLoader(dataset, Normalisation.Identity(1), options), 3);
        Assert.Equal(first, second);
        Assert.NotEqual(first, Images(new BatchLoader(dataset, Normalisation.Identity(1), options), 4));
    }

    [Fact]
    public void a_random_crop_keeps_the_shape_and_fills_the_zero_padding_with_normalised_zero()
    {
        // One all-white 5×5 image: with mean ½ and std ½ white reads +1 and the padding (pixel 0) −1.
        var dataset = Copies(16, Enumerable.Repeat((byte)255, 25).ToArray(), 5, 5, allowsHorizontalFlip: false);
        var loader = new BatchLoader(dataset, new Normalisation([0.5f], [0.5f]), BatchLoaderOptions.Training(batchSize: 16, seed: 4));
        using var batch = loader.Epoch(0).Single();
        Assert.Equal([16L, 1, 5, 5], batch.Images.shape);
        var shifts = new HashSet<(int, int)>();
        foreach (var image in Images(loader, 0))
        {
            Assert.All(image, v => Assert.True(v is 1f or -1f, $"{v}"));
            // The white part is a rectangle of (5 − |dy|) × (5 − |dx|) with |dy|, |dx| ≤ 2, against one edge per axis.
            var rows = Enumerable.Range(0, 5).Where(y => image[y * 5 + 2] == 1f).ToArray();
            var columns = Enumerable.Range(0, 5).Where(x => image[2 * 5 + x] == 1f).ToArray();
            Assert.InRange(rows.Length, 3, 5);
            Assert.InRange(columns.Length, 3, 5);
            Assert.True(rows[0] == 0 || rows[^1] == 4);
            Assert.True(columns[0] == 0 || columns[^1] == 4);
            Assert.Equal(rows.Length * columns.Length, image.Count(v => v == 1f));
            shifts.Add((rows[0] == 0 ? rows.Length - 5 : 5 - rows.Length, columns[0] == 0 ? columns.Length - 5 : 5 - columns.Length));
        }
        Assert.True(shifts.Count >= 5, $"only {shifts.Count} distinct crops in 16 images");
    }

    [Fact]
    public void flips_follow_the_data_sets_default_and_never_mirror_digits()
    {
        byte[] ramp = [0, 85, 170, 255];
        float[] plain = [0f, 1f / 3, 2f / 3, 1f];
        float[] mirrored = [1f, 2f / 3, 1f / 3, 0f];
        var noCrop = BatchLoaderOptions.Training(batchSize: 32, seed: 9) with { CropPadding = 0 };

        var digits = new BatchLoader(Copies(32, ramp, 1, 4, allowsHorizontalFlip: false), Normalisation.Identity(1), noCrop);
        Assert.False(digits.Flips);
        Assert.All(Images(digits, 0), image => Assert.Equal(plain, image, new Close()));
        Assert.False(DatasetCatalog.Mnist.AllowsHorizontalFlip);
        Assert.True(DatasetCatalog.FashionMnist.AllowsHorizontalFlip);

        var clothes = new BatchLoader(Copies(32, ramp, 1, 4, allowsHorizontalFlip: true), Normalisation.Identity(1), noCrop);
        Assert.True(clothes.Flips);
        var images = Images(clothes, 0);
        var flipped = images.Count(image => image.SequenceEqual(mirrored, new Close()));
        Assert.Equal(32, flipped + images.Count(image => image.SequenceEqual(plain, new Close())));
        Assert.InRange(flipped, 6, 26);

        var overridden = new BatchLoader(clothes.Dataset, Normalisation.Identity(1), noCrop with { HorizontalFlip = false });
        Assert.False(overridden.Flips);
        Assert.All(Images(overridden, 0), image => Assert.Equal(plain, image, new Close()));
    }

    [Fact]
    public void evaluation_batches_are_never_augmented()
    {
        var dataset = TinyData.Numbered(6, height: 5, width: 5);
        var loader = new BatchLoader(dataset, Normalisation.Identity(1), BatchLoaderOptions.Evaluation(6));
        Assert.False(loader.Flips);
        var images = Images(loader, 0);
        Assert.Equal(Enumerable.Range(0, 6).Select(i => dataset.Image(i).ToArray().Select(p => p / 255f)), images,
            (a, b) => a.Zip(b).All(x => Math.Abs(x.First - x.Second) < 1e-6));
    }

    private sealed class Close : IEqualityComparer<float>
    {
        public bool Equals(float x, float y) => Math.Abs(x - y) < 1e-6;
        public int GetHashCode(float obj) => 0;
    }
}
