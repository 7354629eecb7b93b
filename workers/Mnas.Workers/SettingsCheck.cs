namespace Mnas.Workers;

/// <summary>Refuses settings that have problems, naming every one.</summary>
public static class SettingsCheck
{
    public static void ThrowIfAny(string what, IEnumerable<string> problems)
    {
        var list = problems.ToList();
        if (list.Count > 0)
        {
            throw new ArgumentException($"invalid {what}: {string.Join("; ", list)}");
        }
    }
}
