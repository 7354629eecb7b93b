using System.Globalization;
using Mnas.SearchSpace.Contract;

namespace Mnas.SearchSpace.Validation;

/// <summary>Collects problems with the checks validators share; numbers are written the same whatever the culture.</summary>
internal sealed class ProblemList
{
    private readonly List<SpecProblem> problems = [];

    public IReadOnlyList<SpecProblem> Items => problems;

    public int Count => problems.Count;

    public void Add(string path, string message) => problems.Add(new SpecProblem(path, message));

    public void AddRange(IEnumerable<SpecProblem> more) => problems.AddRange(more);

    /// <summary>Reports a null and returns false, so the caller can skip the checks inside it.</summary>
    public bool NotNull(string path, object? value)
    {
        if (value is not null)
        {
            return true;
        }

        Add(path, "must not be null");
        return false;
    }

    public void NotEmpty(string path, string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            Add(path, "must not be empty");
        }
    }

    public void AtLeast(string path, int value, int minimum)
    {
        if (value < minimum)
        {
            Add(path, $"must be at least {Text(minimum)} (got {Text(value)})");
        }
    }

    public void Stride(string path, int value)
    {
        if (value is not (1 or 2))
        {
            Add(path, $"must be 1 or 2 (got {Text(value)})");
        }
    }

    public void Positive(string path, double value)
    {
        if (!(value > 0) || !double.IsFinite(value))
        {
            Add(path, $"must be positive (got {Text(value)})");
        }
    }

    public void NotNegative(string path, double value)
    {
        if (!(value >= 0) || !double.IsFinite(value))
        {
            Add(path, $"must not be negative (got {Text(value)})");
        }
    }

    public void NotPositive(string path, double value)
    {
        if (!(value <= 0) || !double.IsFinite(value))
        {
            Add(path, $"must not be positive (got {Text(value)})");
        }
    }

    /// <summary>0 ≤ value &lt; 1.</summary>
    public void Fraction(string path, double value)
    {
        if (!(value >= 0 && value < 1))
        {
            Add(path, $"must be in [0, 1) (got {Text(value)})");
        }
    }

    /// <summary>0 &lt; value &lt; 1.</summary>
    public void OpenFraction(string path, double value)
    {
        if (!(value > 0 && value < 1))
        {
            Add(path, $"must be in (0, 1) (got {Text(value)})");
        }
    }

    public void OddKernel(string path, int value)
    {
        if (value < 1)
        {
            Add(path, $"must be at least 1 (got {Text(value)})");
        }
        else if (value % 2 == 0)
        {
            Add(path, $"must be odd (got {Text(value)})");
        }
    }

    /// <summary>Adds the range's problem with <paramref name="value"/>, if it has one; true when the value is inside.</summary>
    public bool InRange(string path, double value, FieldRange range)
    {
        if (range.Problem(value) is { } problem)
        {
            Add(path, problem);
            return false;
        }

        return true;
    }

    /// <summary>A text as a message quotes it (<see cref="QuotedText"/>).</summary>
    public static string Quoted(string? value) => QuotedText.Of(value);

    public static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);

    public static string Text(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
