using System.Text.Json;

namespace Mnas.SearchSpace.Serialization;

/// <summary>Documents given as text, JSON or YAML, read into the JSON they mean: the same reading spec files get.</summary>
public static class DocumentText
{
    /// <summary>
    /// The JSON <paramref name="text"/> means. Throws a <see cref="FormatException"/> saying where the text is not valid
    /// (<c>not valid JSON (line 3, column 7): …</c>), and for YAML that nests too deep or uses aliases.
    /// </summary>
    public static JsonDocument Parse(string text, DocumentFormat format)
    {
        ArgumentNullException.ThrowIfNull(text);
        try
        {
            return format == DocumentFormat.Json ? DocumentReader<object>.ParseJson(text) : YamlToJson.Convert(text);
        }
        catch (DocumentSyntaxException e)
        {
            throw new FormatException(e.Message, e);
        }
    }
}
