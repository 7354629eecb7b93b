using System.CommandLine;
using Mnas.Host.Configuration;

namespace Mnas.Host.Commands;

/// <summary><c>--config FILE</c> and repeatable <c>--set key=value</c>: a process's settings (see <see cref="HostSettings"/>).</summary>
internal sealed class SettingsOptions
{
    public Option<string?> Config { get; } = new("--config") { Description = "a JSON settings file (default: $MNAS_CONFIG)" };

    public Option<string[]> Set { get; } = new("--set")
    {
        Description = "a setting as key=value, e.g. store=postgres or cluster.silo_port=11111 (repeatable)",
        AllowMultipleArgumentsPerToken = false,
        DefaultValueFactory = _ => [],
    };

    public void AddTo(Command command)
    {
        command.Options.Add(Config);
        command.Options.Add(Set);
    }

    public HostSettings Load(ParseResult result) => HostSettings.Load(result.GetValue(Config), result.GetValue(Set) ?? []);
}
