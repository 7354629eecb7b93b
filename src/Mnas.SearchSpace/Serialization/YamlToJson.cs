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
    public static JsonDocument Convert(string yaml)
    {
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
