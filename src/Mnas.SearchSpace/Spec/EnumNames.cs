namespace Mnas.SearchSpace.Spec;

/// <summary>An enum's members as the lower-case names that specs and architecture files use (<c>relu6</c>, <c>pooling</c>).</summary>
public static class EnumNames<T>
    where T : struct, Enum
{
    public static IReadOnlyList<string> Known { get; } = Enum.GetValues<T>().Select(Name).ToArray();

    public static string Name(T value) => value.ToString().ToLowerInvariant();

    public static bool TryParse(string? name, out T value)
    {
        foreach (var candidate in Enum.GetValues<T>())
        {
            if (Name(candidate) == name)
            {
                value = candidate;
                return true;
            }
        }

        value = default;
        return false;
    }
}
