namespace Mnas.Workers.Training;

/// <summary>
/// Draws from Beta(a, b) as X/(X + Y) with X ~ Gamma(a) and Y ~ Gamma(b), each gamma by Marsaglia and Tsang's method
/// (for a shape below 1, Gamma(shape + 1)·U^(1/shape)). Deterministic for a seed.
/// </summary>
public sealed class BetaSampler
{
    private readonly Random random;

    public BetaSampler(double a, double b, int seed)
    {
        if (!(a > 0) || !(b > 0) || double.IsInfinity(a) || double.IsInfinity(b))
        {
            throw new ArgumentOutOfRangeException(a > 0 && !double.IsInfinity(a) ? nameof(b) : nameof(a), "Beta's shapes must be positive and finite");
        }
        (A, B, random) = (a, b, new Random(seed));
    }

    public double A { get; }

    public double B { get; }

    public double Next()
    {
        var x = Gamma(A);
        var y = Gamma(B);
        // With tiny shapes both draws can underflow to 0; Beta is then almost all at 0 and 1, in proportion a : b.
        return x + y > 0 ? x / (x + y) : random.NextDouble() < A / (A + B) ? 1 : 0;
    }

    private double Gamma(double shape)
    {
        if (shape < 1)
        {
            return Gamma(shape + 1) * Math.Pow(Uniform(), 1 / shape);
        }
        var d = shape - 1.0 / 3;
        var c = 1 / Math.Sqrt(9 * d);
        while (true)
        {
            double z, v;
            do
            {
                z = Normal();
                v = 1 + c * z;
            }
            while (v <= 0);
            v = v * v * v;
            var u = Uniform();
            if (Math.Log(u) < 0.5 * z * z + d - d * v + d * Math.Log(v))
            {
                return d * v;
            }
        }
    }

    /// <summary>Uniform on (0, 1]: never 0, so its logarithm is finite.</summary>
    private double Uniform() => 1 - random.NextDouble();

    private double Normal() => Math.Sqrt(-2 * Math.Log(Uniform())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
