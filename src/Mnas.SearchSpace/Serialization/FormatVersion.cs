using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Mnas.SearchSpace.Validation;

namespace Mnas.SearchSpace.Serialization;

/// <summary>
/// The <c>format_version</c> key of a document whose layout is versioned: written first, read before anything else.
/// A document without it is version 1 (the layout before versions were written down); one above the version this
/// build knows is refused, since its keys may mean something else. New optional keys do not raise the version.
/// </summary>
internal static class FormatVersion
{
    public const string Key = "format_version";

    /// <summary><paramref name="value"/> as JSON with <c>"format_version": version</c> as its first key.</summary>
    public static string Write<T>(T value, int version)
    {
        var document = JsonSerializer.SerializeToNode(value, JsonSettings.Options)!.AsObject();
        document.Insert(0, Key, version);
        return document.ToJsonString(JsonSettings.Options);
    }

    /// <summary>
    /// The document without its <c>format_version</c> (what its type describes), or the problem with the version: not
    /// a whole number from 1, or above <paramref name="known"/>.
    /// </summary>
    public static (JsonElement Document, SpecProblem? Problem) Split(JsonElement root, int known)
    {
        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty(Key, out var version))
        {
            return (root, null);
        }

        if (version.ValueKind != JsonValueKind.Number || !version.TryGetInt32(out var number) || number < 1)
        {
            return (root, new SpecProblem(Key, $"expected a whole number from 1 (got {version.GetRawText()})"));
        }

        if (number > known)
        {
            return (root, new SpecProblem(Key,
                $"version {number.ToString(CultureInfo.InvariantCulture)} is newer than this mnas reads " +
                $"(up to {known.ToString(CultureInfo.InvariantCulture)}); read it with a newer mnas"));
        }

        var rest = JsonObject.Create(root)!;
        rest.Remove(Key);
        return (JsonSerializer.SerializeToElement(rest, JsonSettings.Options), null);
    }
}
