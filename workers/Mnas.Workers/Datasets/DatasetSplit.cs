namespace Mnas.Workers.Datasets;

/// <summary>
/// Deterministic parts of a data set: the same seed gives the same parts on every machine (System.Random with a seed
/// is stable). Parts hold copies of their images in ascending index order; they keep the source's name and flip default
/// but not its <see cref="ImageDataset.TestStart"/>.
/// </summary>
public static class DatasetSplit
{
    /// <summary>
    /// Holds out round(Count × <paramref name="validationFraction"/>) images for validation, chosen at random (per class
    /// when <paramref name="stratified"/>, so each class keeps its share); the rest train. No image is in both.
    /// </summary>
    public static (ImageDataset Train, ImageDataset Validation) Split(this ImageDataset dataset, double validationFraction, int seed,
        bool stratified = false)
    {
        var (train, validation) = SplitIndices(dataset, validationFraction, seed, stratified);
        return (dataset.Select(train), dataset.Select(validation));
    }

    /// <summary>The image indices of <see cref="Split"/>'s two parts, each ascending.</summary>
    public static (int[] Train, int[] Validation) SplitIndices(this ImageDataset dataset, double validationFraction, int seed,
        bool stratified = false)
    {
        if (!(validationFraction > 0 && validationFraction < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(validationFraction), validationFraction, "the validation fraction must lie strictly between 0 and 1");
        }
        var random = new Random(seed);
        var groups = stratified
            ? Enumerable.Range(0, dataset.Count).GroupBy(dataset.Label).OrderBy(g => g.Key).Select(g => g.ToArray())
            : [Enumerable.Range(0, dataset.Count).ToArray()];
        var validation = new List<int>();
        foreach (var group in groups)
        {
            Shuffle(group, random);
            validation.AddRange(group.Take((int)Math.Round(group.Length * validationFraction, MidpointRounding.AwayFromZero)));
        }
        if (validation.Count == 0 || validation.Count == dataset.Count)
        {
            throw new ArgumentOutOfRangeException(nameof(validationFraction), validationFraction,
                $"a validation fraction of {validationFraction} of {dataset.Count} images leaves one part empty");
        }
        var held = new bool[dataset.Count];
        validation.ForEach(i => held[i] = true);
        return (Enumerable.Range(0, dataset.Count).Where(i => !held[i]).ToArray(), Enumerable.Range(0, dataset.Count).Where(i => held[i]).ToArray());
    }

    /// <summary><paramref name="count"/> images drawn at random without replacement, in ascending index order.</summary>
    public static ImageDataset Subset(this ImageDataset dataset, int count, int seed)
    {
        if (count < 1 || count > dataset.Count)
        {
            throw new ArgumentOutOfRangeException(nameof(count), count, $"a subset must hold 1 to {dataset.Count} images");
        }
        var order = Enumerable.Range(0, dataset.Count).ToArray();
        Shuffle(order, new Random(seed));
        var chosen = order[..count];
        Array.Sort(chosen);
        return dataset.Select(chosen);
    }

    /// <summary>The source's own training and test parts, for a data set that has them (MNIST: 60,000 and 10,000).</summary>
    public static (ImageDataset Train, ImageDataset Test) Official(this ImageDataset dataset)
    {
        var start = dataset.TestStart
            ?? throw new InvalidOperationException($"{dataset.Name} has no official test part; hold one out with Split");
        return (dataset.Select(Enumerable.Range(0, start).ToArray()), dataset.Select(Enumerable.Range(start, dataset.Count - start).ToArray()));
    }

    /// <summary>Fisher–Yates, drawing from <paramref name="random"/>.</summary>
    internal static void Shuffle(int[] items, Random random)
    {
        for (var i = items.Length - 1; i > 0; i--)
        {
            var j = random.Next(i + 1);
            (items[i], items[j]) = (items[j], items[i]);
        }
    }
}
