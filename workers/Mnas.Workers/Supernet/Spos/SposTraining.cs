namespace Mnas.Workers.Supernet;

/// <summary>
/// What a single-path supernet trains: <see cref="BnOnly"/>, BN-NAS's way, only the batch norms' γ and β (convolutions
/// and the classifier keep their random initialisation); <see cref="Full"/>, SPOS's, every weight.
/// </summary>
public enum SposTraining
{
    BnOnly,
    Full,
}
