using Mnas.SearchSpace.Validation;

namespace Mnas.Strategies.RandomSearch;

/// <summary>Random search's settings: the generator's seed and how many results pass between checkpoints.</summary>
public sealed record RandomStrategyOptions
{
    public ulong Seed { get; init; }

    public int CheckpointEvery { get; init; } = 20;

    /// <summary>Every problem, naming the field (<c>checkpoint_every: must be at least 1 (got 0)</c>).</summary>
    public IReadOnlyList<SpecProblem> Validate() =>
        CheckpointEvery >= 1 ? [] : [new SpecProblem("checkpoint_every", $"must be at least 1 (got {CheckpointEvery})")];

    public void ThrowIfInvalid()
    {
        var problems = Validate();
        if (problems.Count > 0)
        {
            throw new SpecException("random strategy options", null, problems);
        }
    }
}
