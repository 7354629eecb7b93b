namespace Mnas.Costs.Admission;

/// <summary>Names each limit that is not a positive number, by its setting.</summary>
public sealed class ChildResourceLimitsValidator
{
    public static ChildResourceLimitsValidator Instance { get; } = new();

    public IEnumerable<string> Validate(ChildResourceLimits limits)
    {
        ArgumentNullException.ThrowIfNull(limits);
        foreach (var (setting, value) in new[]
                 {
                     (ChildResourceLimits.MaxParamsSetting, limits.MaxParams),
                     (ChildResourceLimits.MaxMacsSetting, limits.MaxMacs),
                     (ChildResourceLimits.MaxActivationBytesSetting, limits.MaxActivationBytes),
                 })
        {
            if (value < 1)
            {
                yield return $"{setting}: must be at least 1 (got {value})";
            }
        }
    }
}
