namespace Mnas.Strategies.Rl;

/// <summary>
/// The reward baseline: an exponential moving average b ← decay·b + (1 − decay)·r, started at the first reward seen
/// (so the average is never pulled towards an arbitrary 0).
/// </summary>
public sealed class EmaBaseline
{
    public EmaBaseline(double decay, double? value = null)
    {
        if (decay is not (>= 0 and < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(decay), decay, "the decay must lie in [0, 1)");
        }

        Decay = decay;
        Value = value;
    }

    public double Decay { get; }

    /// <summary>The current baseline; null before the first reward.</summary>
    public double? Value { get; private set; }

    /// <summary>Takes one reward into the average and returns the new baseline.</summary>
    public double Update(double reward)
    {
        if (!double.IsFinite(reward))
        {
            throw new ArgumentOutOfRangeException(nameof(reward), reward, "a baseline takes only finite rewards");
        }

        Value = Value is { } b ? Decay * b + (1 - Decay) * reward : reward;
        return Value.Value;
    }
}
