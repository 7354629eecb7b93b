namespace Mnas.Workers.Supernet;

/// <summary>
/// How a single-path supernet trains: how many epochs, and what (<see cref="SposTraining"/>). The rest — learning rate,
/// momentum, weight decay, label smoothing, device — follows the campaign's training recipe.
/// </summary>
public sealed record SposOptions
{
    public int Epochs { get; init; } = 10;

    public SposTraining Training { get; init; } = SposTraining.BnOnly;

    /// <summary>Every problem, each naming its setting.</summary>
    public IEnumerable<string> Validate()
    {
        if (Epochs < 1)
        {
            yield return $"epochs: must be at least 1 (got {Epochs})";
        }
        if (!Enum.IsDefined(Training))
        {
            yield return $"training: must be {nameof(SposTraining.BnOnly)} or {nameof(SposTraining.Full)} (got {(int)Training})";
        }
    }

    public void ThrowIfInvalid() => SettingsCheck.ThrowIfAny("spos options", Validate());
}
