using System.CommandLine;

namespace Mnas.Host.Commands;

internal static class DataOption
{
    public static Option<string> Create() => new("--data")
    {
        Description = "the data directory holding campaigns (default: $MNAS_HOME or ./.mnas)",
        DefaultValueFactory = _ => Environment.GetEnvironmentVariable("MNAS_HOME") is { Length: > 0 } home ? home : Path.Combine(Environment.CurrentDirectory, ".mnas"),
    };
}
