namespace Mnas.Host.Configuration;

/// <summary>The settings cannot be used: every problem, each naming its setting.</summary>
internal sealed class SettingsException(IReadOnlyList<string> problems)
    : Exception($"the settings have {problems.Count} problem(s):{Environment.NewLine}  " + string.Join(Environment.NewLine + "  ", problems))
{
    public IReadOnlyList<string> Problems { get; } = problems;
}
