namespace Mnas.Api.Campaigns;

/// <summary>Every problem of a request, by the field that has it: the <c>errors</c> map of a validation problem.</summary>
public sealed class ValidationErrors
{
    private readonly SortedDictionary<string, List<string>> byField = new(StringComparer.Ordinal);

    public bool Any => byField.Count > 0;

    public void Add(string field, string message)
    {
        if (!byField.TryGetValue(field, out var messages))
        {
            byField[field] = messages = [];
        }

        messages.Add(message);
    }

    public Dictionary<string, string[]> ToDictionary() => byField.ToDictionary(e => e.Key, e => e.Value.ToArray(), StringComparer.Ordinal);
}
