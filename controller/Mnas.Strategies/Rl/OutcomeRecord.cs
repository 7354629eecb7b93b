namespace Mnas.Strategies.Rl;

/// <summary>An <see cref="Outcome"/> with its sample as the canonical string.</summary>
internal sealed record OutcomeRecord(long Sequence, string Sample, double LogProbability, long PolicyVersion, double Reward, bool Failed);
