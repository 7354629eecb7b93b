namespace Mnas.Pareto.Points;

/// <summary>
/// One candidate in objective space: its id (a child's sequence number), one finite value per
/// objective in <see cref="Objectives.ParetoObjectives"/> order, and optionally the architecture
/// string it came from. Two points are equal when id, values and architecture are.
/// </summary>
public sealed class ParetoPoint : IEquatable<ParetoPoint>
{
    private readonly double[] values;

    public ParetoPoint(long id, IReadOnlyList<double> values, string? architecture = null)
    {
        ArgumentNullException.ThrowIfNull(values);
        for (var i = 0; i < values.Count; i++)
        {
            if (!double.IsFinite(values[i]))
            {
                throw new ArgumentException($"point {id}: value {i} must be finite (got {values[i].ToString(System.Globalization.CultureInfo.InvariantCulture)})", nameof(values));
            }
        }

        Id = id;
        this.values = values.ToArray();
        Architecture = architecture;
    }

    public long Id { get; }

    public IReadOnlyList<double> Values => values;

    public string? Architecture { get; }

    public double this[int objective] => values[objective];

    public bool Equals(ParetoPoint? other) =>
        other is not null && Id == other.Id && values.AsSpan().SequenceEqual(other.values) && Architecture == other.Architecture;

    public override bool Equals(object? obj) => Equals(obj as ParetoPoint);

    public override int GetHashCode() => HashCode.Combine(Id, values.Length > 0 ? values[0] : 0, Architecture);

    public override string ToString() => $"#{Id} ({string.Join(", ", values.Select(v => v.ToString(System.Globalization.CultureInfo.InvariantCulture)))})";
}
