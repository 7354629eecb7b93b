using System.Globalization;
using System.Text.Json;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Mnas.SearchSpace.Serialization;

/// <summary>
/// Reads one YAML document (YamlDotNet's parser) into the JSON it means, so that YAML and JSON files go through the
/// same shape check, deserialisation and validation. Scalars are typed by <see cref="YamlScalars"/>.
/// </summary>
internal static class YamlToJson
{
    /// <summary>The deepest nesting of mappings and sequences accepted (JSON's own limit is the same).</summary>
    public const int MaxDepth = 64;

    /// <summary>The most nodes a document may hold.</summary>
    public const int MaxNodes = 100_000;

    public static JsonDocument Convert(string yaml)
    {
        Guard(yaml);
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(yaml));
        }
        catch (YamlException e)
        {
            throw new DocumentSyntaxException(
                $"not valid YAML (line {e.Start.Line}, column {e.Start.Column}): {(e.InnerException ?? e).Message}");
        }

        if (stream.Documents.Count != 1)
        {
            throw new DocumentSyntaxException(stream.Documents.Count == 0 ? "the document is empty" : "expected one YAML document, found several");
        }

        var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            Write(stream.Documents[0].RootNode, writer);
        }

        return JsonDocument.Parse(buffer.ToArray());
    }

    /// <summary>
    /// Walks the document's events (the parser keeps no recursion of its own) before it is loaded as a tree, which is
    /// walked recursively: too deep a nesting would overflow the stack, and aliases could make a small document expand
    /// into a huge one. Specs need neither.
    /// </summary>
    private static void Guard(string yaml)
    {
        var parser = new YamlDotNet.Core.Parser(new StringReader(yaml));
        var (depth, nodes) = (0, 0);
        try
        {
            while (parser.MoveNext())
            {
                var current = parser.Current!;
                switch (current)
                {
                    case YamlDotNet.Core.Events.AnchorAlias:
                        throw Refuse(current, "aliases (*name) are not accepted");
                    case YamlDotNet.Core.Events.MappingStart or YamlDotNet.Core.Events.SequenceStart when ++depth > MaxDepth:
                        throw Refuse(current, $"nested deeper than {MaxDepth} levels");
                    case YamlDotNet.Core.Events.MappingEnd or YamlDotNet.Core.Events.SequenceEnd:
                        depth--;
                        break;
                }

                if (current is YamlDotNet.Core.Events.NodeEvent && ++nodes > MaxNodes)
                {
                    throw Refuse(current, $"more than {MaxNodes} nodes");
                }
            }
        }
        catch (YamlException e)
        {
            throw new DocumentSyntaxException(
                $"not valid YAML (line {e.Start.Line}, column {e.Start.Column}): {(e.InnerException ?? e).Message}");
        }
    }

    private static DocumentSyntaxException Refuse(YamlDotNet.Core.Events.ParsingEvent at, string why) =>
        new($"not accepted YAML (line {at.Start.Line}, column {at.Start.Column}): {why}");

    private static void Write(YamlNode node, Utf8JsonWriter writer)
    {
        switch (node)
        {
            case YamlMappingNode mapping:
                writer.WriteStartObject();
                foreach (var (key, value) in mapping.Children)
                {
                    if (key is not YamlScalarNode { Value: { } name })
                    {
                        throw new DocumentSyntaxException($"not valid YAML (line {key.Start.Line}, column {key.Start.Column}): keys must be plain text");
                    }

                    writer.WritePropertyName(name);
                    Write(value, writer);
                }

                writer.WriteEndObject();
                break;
            case YamlSequenceNode sequence:
                writer.WriteStartArray();
                foreach (var item in sequence.Children)
                {
                    Write(item, writer);
                }

                writer.WriteEndArray();
                break;
            case YamlScalarNode scalar:
                WriteScalar(scalar, writer);
                break;
            default:
                throw new DocumentSyntaxException($"not valid YAML (line {node.Start.Line}, column {node.Start.Column}): unsupported node");
        }
    }

    private static void WriteScalar(YamlScalarNode scalar, Utf8JsonWriter writer)
    {
        var text = scalar.Value ?? "";
        var plain = scalar.Style is ScalarStyle.Plain or ScalarStyle.Any && scalar.Tag.IsEmpty;
        if (!plain)
        {
            writer.WriteStringValue(text);
        }
        else if (YamlScalars.IsNull(text))
        {
            writer.WriteNullValue();
        }
        else if (YamlScalars.AsBool(text) is { } flag)
        {
            writer.WriteBooleanValue(flag);
        }
        else if (YamlScalars.IsInteger(text) && long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var integer))
        {
            writer.WriteNumberValue(integer);
        }
        else if ((YamlScalars.IsInteger(text) || YamlScalars.IsFloat(text)) && double.IsFinite(YamlScalars.ParseFloat(text)))
        {
            writer.WriteNumberValue(YamlScalars.ParseFloat(text));
        }
        else
        {
            writer.WriteStringValue(text);
        }
    }
}
