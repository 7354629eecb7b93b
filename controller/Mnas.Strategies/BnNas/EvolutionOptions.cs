namespace Mnas.Strategies.BnNas;

/// <summary>
/// The evolution's settings (BN-NAS: a population of 50 over 20 iterations): how many of a generation breed the next, the
/// chance that a mutation re-draws a layer's choice, how many of the best subnets it returns, and its seed.
/// </summary>
public sealed record EvolutionOptions
{
    public int Population { get; init; } = 50;

    public int Iterations { get; init; } = 20;

    /// <summary>How many of the best of a generation are kept into the next and breed the rest of it.</summary>
    public int Parents { get; init; } = 10;

    public double MutationProbability { get; init; } = 0.1;

    /// <summary>How many of the best distinct subnets seen over the whole run are returned.</summary>
    public int Samples { get; init; } = 5;

    public ulong Seed { get; init; }

    public IEnumerable<string> Validate()
    {
        if (Population < 2)
        {
            yield return $"population: must be at least 2 (got {Population})";
        }
        if (Iterations < 1)
        {
            yield return $"iterations: must be at least 1 (got {Iterations})";
        }
        if (Parents < 1 || (Population >= 2 && Parents >= Population))
        {
            yield return $"parents: must be at least 1 and less than the population ({Population}) (got {Parents})";
        }
        if (!(MutationProbability > 0 && MutationProbability <= 1))
        {
            yield return $"mutation_probability: must lie in (0, 1] (got {MutationProbability})";
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
            throw new ArgumentException($"evolution options: {string.Join("; ", problems)}");
        }
    }
}
