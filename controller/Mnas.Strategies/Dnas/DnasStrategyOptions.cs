namespace Mnas.Strategies.Dnas;

/// <summary>A differentiable strategy's settings: its name (fbnet or fbnetv2), how many children to draw, and the draws' seed.</summary>
public sealed record DnasStrategyOptions
{
    public string Name { get; init; } = "fbnet";

    public int Samples { get; init; } = 6;

    public ulong Seed { get; init; }

    public IEnumerable<string> Validate()
    {
        if (Name is not ("fbnet" or "fbnetv2"))
        {
            yield return $"name: must be fbnet or fbnetv2 (got '{Name}')";
        }
        if (Samples < 1)
        {
            yield return $"samples: must be at least 1 (got {Samples})";
        }
    }

    public void ThrowIfInvalid()
    {
        var problems = Validate().ToList();
        if (problems.Count > 0)
        {
            throw new ArgumentException($"differentiable strategy options: {string.Join("; ", problems)}");
        }
    }
}
