namespace Mnas.Strategies.Fbnetv3.Prediction;

/// <summary>A target's mean and standard deviation: the network learns (y − mean) / deviation.</summary>
internal readonly record struct Standardisation(double Mean, double Deviation)
{
    public static Standardisation Identity { get; } = new(0, 1);

    /// <summary>The values' mean and population deviation (1 where they are all equal, so that nothing divides by zero).</summary>
    public static Standardisation Of(IEnumerable<double> values)
    {
        var list = values.ToList();
        var mean = list.Average();
        var deviation = Math.Sqrt(list.Sum(v => (v - mean) * (v - mean)) / list.Count);
        return new Standardisation(mean, deviation > 1e-12 ? deviation : 1);
    }

    public double Forward(double value) => (value - Mean) / Deviation;

    public double Inverse(double value) => Mean + value * Deviation;
}
