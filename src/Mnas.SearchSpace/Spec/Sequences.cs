namespace Mnas.SearchSpace.Spec;

/// <summary>Value equality for the lists inside spec records (records compare lists by reference otherwise).</summary>
internal static class Sequences
{
    public static bool Equal<T>(IReadOnlyList<T>? a, IReadOnlyList<T>? b) =>
        ReferenceEquals(a, b) || (a is not null && b is not null && a.SequenceEqual(b));
}
