using System.Text.Json;
using Mnas.SearchSpace.Serialization;

namespace Mnas.SearchSpace.Spec;

/// <summary>Writes campaign specs as JSON or YAML that <see cref="CampaignSpecLoader"/> reads back to an equal spec.</summary>
public static class CampaignSpecWriter
{
    public static string ToJson(CampaignSpec spec) => JsonSerializer.Serialize(Checked(spec), JsonSettings.Options);

    public static string ToYaml(CampaignSpec spec) =>
        JsonToYaml.Convert(JsonSerializer.SerializeToElement(Checked(spec), JsonSettings.Options));

    /// <summary>Saves as YAML or JSON by the file's extension (<c>.yaml</c>, <c>.yml</c>, <c>.json</c>).</summary>
    public static void Save(CampaignSpec spec, string path)
    {
        var text = DocumentReader<CampaignSpec>.FormatOf(path) switch
        {
            DocumentFormat.Json => ToJson(spec),
            DocumentFormat.Yaml => ToYaml(spec),
            _ => throw new ArgumentException($"unknown file type '{Path.GetExtension(path)}' (expected .json, .yaml or .yml)", nameof(path)),
        };
        File.WriteAllText(path, text);
    }

    private static CampaignSpec Checked(CampaignSpec spec)
    {
        CampaignSpecValidator.Instance.ThrowIfInvalid(spec);
        return spec;
    }
}
