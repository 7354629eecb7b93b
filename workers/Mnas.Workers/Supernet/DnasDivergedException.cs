namespace Mnas.Workers.Supernet;

/// <summary>The supernet's loss stopped being a number: the search cannot go on with these settings (a smaller learning rate, α or β).</summary>
public sealed class DnasDivergedException(string message) : Exception(message);
