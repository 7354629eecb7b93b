using System.Text.Json.Nodes;

namespace Mnas.Api.Tests.Contract;

/// <summary>Builds submission bodies by merging changes over a valid one.</summary>
internal static class SubmissionJson
{
    /// <summary><paramref name="changes"/> over <paramref name="baseJson"/>: objects merge key by key, anything else (null too) replaces.</summary>
    public static string Merge(string baseJson, string changes)
    {
        var merged = JsonNode.Parse(baseJson)!.AsObject();
        MergeInto(merged, JsonNode.Parse(changes)!.AsObject());
        return merged.ToJsonString();
    }

    private static void MergeInto(JsonObject target, JsonObject changes)
    {
        foreach (var (key, value) in changes.ToArray())
        {
            if (value is JsonObject changed && target[key] is JsonObject existing)
            {
                MergeInto(existing, changed);
            }
            else
            {
                target[key] = value?.DeepClone();
            }
        }
    }
}
