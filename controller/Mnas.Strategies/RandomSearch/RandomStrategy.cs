using System.Numerics;
using Mnas.SearchSpace.Space;
using Mnas.Strategies.Randomness;

namespace Mnas.Strategies.RandomSearch;

/// <summary>
/// Random search: every decision uniform, from its own seeded generator, so each proposal's log-probability is
/// −log(space size) and its policy version 0. It learns nothing from results; it checkpoints its generator every
/// <see cref="RandomStrategyOptions.CheckpointEvery"/> results (with those results' sequence numbers) and once more at
/// the end for any remainder, and resumes from such a checkpoint.
/// </summary>
public sealed class RandomStrategy : ISearchStrategy
{
    private readonly RandomStrategyOptions options;

    public RandomStrategy(RandomStrategyOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.ThrowIfInvalid();
        this.options = options;
    }

    public string Name => "random";

    public async Task RunAsync(ModelSpace space, ISearchEngine engine, byte[]? restoredState, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(space);
        ArgumentNullException.ThrowIfNull(engine);
        var restored = restoredState is null ? null : RandomStrategyState.FromBytes(restoredState);
        var rng = restored is null ? new Xoshiro256StarStar(options.Seed) : Xoshiro256StarStar.FromState(restored.Rng);
        var results = restored?.Results ?? 0;
        var logProbability = -BigInteger.Log(space.Size);
        var unsaved = new List<long>();

        Proposal Propose() => new(space.FromTokens(space.Decisions.Select(d => rng.NextInt(d.Choices.Count)).ToArray()), logProbability, 0);

        ValueTask CheckpointAsync()
        {
            var included = unsaved.ToArray();
            unsaved.Clear();
            return engine.CheckpointAsync(new RandomStrategyState(rng.GetState(), results).ToBytes(), included, cancellation);
        }

        while (true)
        {
            await SearchLoop.FillAsync(engine, Propose, cancellation);
            if (engine.InFlight == 0)
            {
                break;
            }

            var outcome = await engine.NextAsync(cancellation);
            results++;
            unsaved.Add(outcome.Sequence);
            if (unsaved.Count >= options.CheckpointEvery)
            {
                await CheckpointAsync();
            }
        }

        if (unsaved.Count > 0)
        {
            await CheckpointAsync();
        }
    }
}
