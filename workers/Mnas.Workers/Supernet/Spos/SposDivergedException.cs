namespace Mnas.Workers.Supernet;

/// <summary>The single-path supernet's loss stopped being a number: its training cannot go on with these settings (a smaller learning rate).</summary>
public sealed class SposDivergedException(string message) : Exception(message);
