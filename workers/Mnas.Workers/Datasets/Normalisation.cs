namespace Mnas.Workers.Datasets;

/// <summary>
/// Per-channel mean and standard deviation, in units of pixel/255: a batch holds (pixel/255 − mean[c]) / std[c].
/// Mnas measures them on the training part (<see cref="Measure"/>), never on validation or test images, and uses those
/// for every part; fixed constants (e.g. a paper's) can be given to the constructor instead.
/// </summary>
public sealed class Normalisation
{
    private readonly float[] mean;
    private readonly float[] std;

    public Normalisation(IReadOnlyList<float> mean, IReadOnlyList<float> std)
    {
        if (mean.Count == 0 || mean.Count != std.Count)
        {
            throw new ArgumentException($"need one mean and one std per channel; got {mean.Count} means and {std.Count} stds");
        }
        if (std.Any(s => !(s > 0)))
        {
            throw new ArgumentException($"every std must be positive; got {string.Join(", ", std)}", nameof(std));
        }
        this.mean = [.. mean];
        this.std = [.. std];
    }

    public IReadOnlyList<float> Mean => mean;
    public IReadOnlyList<float> Std => std;
    public int Channels => mean.Length;

    /// <summary>Mean 0, std 1: pixels scaled to [0, 1] only.</summary>
    public static Normalisation Identity(int channels) => new(new float[channels], Enumerable.Repeat(1f, channels).ToArray());

    /// <summary>Each channel's mean and population standard deviation of pixel/255 over all of <paramref name="train"/>'s images.</summary>
    public static Normalisation Measure(ImageDataset train)
    {
        var histograms = new long[train.Channels, 256];
        var plane = train.Height * train.Width;
        var pixels = train.Pixels;
        for (var image = 0; image < train.Count; image++)
        {
            for (var c = 0; c < train.Channels; c++)
            {
                foreach (var value in pixels.Slice((image * train.Channels + c) * plane, plane))
                {
                    histograms[c, value]++;
                }
            }
        }
        var means = new float[train.Channels];
        var stds = new float[train.Channels];
        for (var c = 0; c < train.Channels; c++)
        {
            double n = 0, sum = 0, squares = 0;
            for (var v = 0; v < 256; v++)
            {
                var x = v / 255.0;
                n += histograms[c, v];
                sum += histograms[c, v] * x;
                squares += histograms[c, v] * x * x;
            }
            var m = sum / n;
            var s = Math.Sqrt(Math.Max(0, squares / n - m * m));
            if (!(s > 0))
            {
                throw new ArgumentException($"channel {c} of {train.Name} has one value everywhere; its standard deviation is 0", nameof(train));
            }
            means[c] = (float)m;
            stds[c] = (float)s;
        }
        return new Normalisation(means, stds);
    }

    /// <summary>For each channel, the normalised value of each of the 256 pixel values.</summary>
    internal float[][] LookupTables() =>
        Enumerable.Range(0, Channels)
            .Select(c => Enumerable.Range(0, 256).Select(v => (float)((v / 255.0 - mean[c]) / std[c])).ToArray())
            .ToArray();

    public override string ToString() => $"mean [{string.Join(", ", mean)}], std [{string.Join(", ", std)}]";
}
