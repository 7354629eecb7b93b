using Mnas.Workers.Datasets;

namespace Mnas.Datasets.Tests;

public class DatasetSplitTests
{
    [Fact]
    public void a_split_holds_out_the_rounded_fraction_and_no_validation_image_is_in_train()
    {
        var dataset = TinyData.Numbered(100);
        var (trainIndices, validationIndices) = dataset.SplitIndices(0.2, seed: 5);
        Assert.Equal(80, trainIndices.Length);
        Assert.Equal(20, validationIndices.Length);
        Assert.Empty(trainIndices.Intersect(validationIndices));
        Assert.Equal(Enumerable.Range(0, 100), trainIndices.Concat(validationIndices).Order());

        var (train, validation) = dataset.Split(0.2, seed: 5);
        Assert.Equal((80, 20), (train.Count, validation.Count));
        var trainImages = Enumerable.Range(0, train.Count).Select(i => TinyData.IndexOf(dataset, train.Image(i))).ToArray();
        var validationImages = Enumerable.Range(0, validation.Count).Select(i => TinyData.IndexOf(dataset, validation.Image(i))).ToArray();
        Assert.Equal(trainIndices, trainImages);
        Assert.Equal(validationIndices, validationImages);
        Assert.Equal(validationIndices.Select(i => (byte)(i % 3)), validation.Labels.ToArray());
    }

    [Fact]
    public void the_same_seed_gives_the_same_split_and_another_seed_another()
    {
        var dataset = TinyData.Numbered(50);
        var first = dataset.SplitIndices(0.3, seed: 11);
        var second = dataset.SplitIndices(0.3, seed: 11);
        var other = dataset.SplitIndices(0.3, seed: 12);
        Assert.Equal(first.Validation, second.Validation);
        Assert.Equal(first.Train, second.Train);
        Assert.NotEqual(first.Validation, other.Validation);
        Assert.Equal(15, first.Validation.Length);
    }

    [Fact]
    public void a_stratified_split_takes_the_fraction_of_each_class()
    {
        // 30 images of class 0, 60 of class 1, 30 of class 2.
        var labels = Enumerable.Range(0, 120).Select(i => (byte)(i < 30 ? 0 : i < 90 ? 1 : 2)).ToArray();
        var dataset = new ImageDataset("strata", new byte[120], labels, 1, 1, 1, 3, true);
        var (_, validation) = dataset.Split(0.1, seed: 2, stratified: true);
        Assert.Equal([3, 6, 3], Enumerable.Range(0, 3).Select(c => validation.Labels.ToArray().Count(l => l == c)));
    }

    [Fact]
    public void a_fraction_that_leaves_a_part_empty_is_refused()
    {
        var dataset = TinyData.Numbered(4);
        Assert.Throws<ArgumentOutOfRangeException>(() => dataset.Split(0.1, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => dataset.Split(0, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => dataset.Split(1, 0));
    }

    [Fact]
    public void a_subset_holds_distinct_images_in_index_order_and_repeats_under_its_seed()
    {
        var dataset = TinyData.Numbered(40);
        var subset = dataset.Subset(10, seed: 3);
        var indices = Enumerable.Range(0, 10).Select(i => TinyData.IndexOf(dataset, subset.Image(i))).ToArray();
        Assert.Equal(10, indices.Distinct().Count());
        Assert.Equal(indices.Order(), indices);
        Assert.DoesNotContain(-1, indices);
        Assert.Equal(indices.Select(i => (byte)(i % 3)), subset.Labels.ToArray());
        Assert.Equal(subset.Pixels.ToArray(), dataset.Subset(10, seed: 3).Pixels.ToArray());
        Assert.NotEqual(subset.Pixels.ToArray(), dataset.Subset(10, seed: 4).Pixels.ToArray());
        Assert.Throws<ArgumentOutOfRangeException>(() => dataset.Subset(41, 0));
    }

    [Fact]
    public void the_official_parts_divide_at_the_test_start()
    {
        var dataset = TinyData.Numbered(10, testStart: 7);
        var (train, test) = dataset.Official();
        Assert.Equal((7, 3), (train.Count, test.Count));
        Assert.Equal(dataset.Image(7).ToArray(), test.Image(0).ToArray());
        Assert.Null(train.TestStart);
        Assert.Throws<InvalidOperationException>(() => TinyData.Numbered(10).Official());
    }
}
