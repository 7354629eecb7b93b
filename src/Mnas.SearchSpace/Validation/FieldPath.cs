using System.Globalization;

namespace Mnas.SearchSpace.Validation;

/// <summary>Builds the dotted, indexed field paths that problems carry (<c>search_space.ops[2]</c>).</summary>
internal static class FieldPath
{
    public static string Field(string parent, string name) => parent.Length == 0 ? name : $"{parent}.{name}";

    public static string Index(string parent, int index) => $"{parent}[{index.ToString(CultureInfo.InvariantCulture)}]";
}
