namespace Mnas.SearchSpace.Space;

/// <summary>Reads <c>decision=value</c> pairs (a sample's canonical string, in any order) into choice indices.</summary>
internal static class SampleParser
{
    /// <summary>The choice index of each decision of <paramref name="space"/>, in decision order; throws a
    /// <see cref="FormatException"/> naming every bad, unknown, repeated or missing decision.</summary>
    public static int[] Tokens(ModelSpace space, string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var decisions = space.Decisions;
        var problems = new List<string>();
        var tokens = Enumerable.Repeat(-1, decisions.Count).ToArray();
        foreach (var pair in text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = pair.IndexOf('=');
            if (equals <= 0)
            {
                problems.Add($"'{pair}' is not decision=value");
                continue;
            }

            var name = pair[..equals];
            var value = pair[(equals + 1)..];
            if (!space.TryGetPosition(name, out var position))
            {
                problems.Add($"unknown decision '{name}'");
            }
            else if (tokens[position] >= 0)
            {
                problems.Add($"{name}: given twice");
            }
            else if ((tokens[position] = decisions[position].IndexOf(value)) < 0)
            {
                tokens[position] = int.MaxValue; // reported here, not again as missing
                problems.Add($"{name}: unknown choice '{value}' (choices: {string.Join(", ", decisions[position].Choices)})");
            }
        }

        var missing = decisions.Where((_, i) => tokens[i] < 0).Select(d => d.Name).ToArray();
        if (missing.Length > 0)
        {
            problems.Add($"missing {(missing.Length == 1 ? "decision" : "decisions")} {string.Join(", ", missing)}");
        }

        return problems.Count > 0 ? throw new FormatException($"not a sample of this space: {string.Join("; ", problems)}") : tokens;
    }
}
