namespace Mnas.Host.Commands;

/// <summary>A role could not start for a reason outside the command line (its database or cluster unreachable): exit code 1, one line.</summary>
internal sealed class StartupException(string message, Exception inner) : Exception(message, inner);
