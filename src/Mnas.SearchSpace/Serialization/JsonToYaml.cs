using System.Text.Json;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Mnas.SearchSpace.Serialization;

/// <summary>
/// Writes JSON as the equivalent YAML (YamlDotNet's emitter): mappings in block style, lists of scalars and
/// all-scalar mappings inside lists in flow style (<c>kernels: [3, 5]</c>), strings quoted only where plain text
/// would read back as a number, boolean or null.
/// </summary>
internal static class JsonToYaml
{
    public static string Convert(JsonElement root)
    {
        var text = new StringWriter();
        var emitter = new Emitter(text);
        emitter.Emit(new StreamStart());
        emitter.Emit(new DocumentStart());
        Write(root, emitter, flow: false);
        emitter.Emit(new DocumentEnd(isImplicit: true));
        emitter.Emit(new StreamEnd());
        return text.ToString();
    }

    private static void Write(JsonElement value, IEmitter emitter, bool flow)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.Object:
                emitter.Emit(new MappingStart(AnchorName.Empty, TagName.Empty, true, flow ? MappingStyle.Flow : MappingStyle.Block));
                foreach (var member in value.EnumerateObject())
                {
                    emitter.Emit(new Scalar(member.Name));
                    Write(member.Value, emitter, flow);
                }

                emitter.Emit(new MappingEnd());
                break;
            case JsonValueKind.Array:
                var scalarsOnly = value.EnumerateArray().All(IsScalar);
                emitter.Emit(new SequenceStart(AnchorName.Empty, TagName.Empty, true, flow || scalarsOnly ? SequenceStyle.Flow : SequenceStyle.Block));
                foreach (var item in value.EnumerateArray())
                {
                    var flatMapping = item.ValueKind == JsonValueKind.Object && item.EnumerateObject().All(m => IsScalar(m.Value));
                    Write(item, emitter, flow || flatMapping);
                }

                emitter.Emit(new SequenceEnd());
                break;
            case JsonValueKind.String:
                var text = value.GetString()!;
                var style = YamlScalars.NeedsQuotes(text) ? ScalarStyle.DoubleQuoted : ScalarStyle.Any;
                emitter.Emit(new Scalar(AnchorName.Empty, TagName.Empty, text, style, true, true));
                break;
            default:
                emitter.Emit(new Scalar(AnchorName.Empty, TagName.Empty, value.GetRawText(), ScalarStyle.Plain, true, false));
                break;
        }
    }

    private static bool IsScalar(JsonElement value) => value.ValueKind is not (JsonValueKind.Object or JsonValueKind.Array);
}
