using Mnas.SearchSpace.Serialization;

namespace Mnas.SearchSpace.Spec;

/// <summary>
/// Reads campaign specs from JSON (System.Text.Json) or YAML (YamlDotNet), from a string or a file. Keys are
/// snake_case (<c>search_space</c>, <c>layer_deltas</c>, <c>proxy.batch_size</c>); a key left out keeps its default;
/// an unknown key is an error. Anything wrong throws a <see cref="Validation.SpecException"/> that lists every problem
/// and names the file.
/// </summary>
public static class CampaignSpecLoader
{
    private static readonly DocumentReader<CampaignSpec> Reader = new("campaign spec", CampaignSpecValidator.Instance);

    /// <summary>Loads a <c>.json</c>, <c>.yaml</c> or <c>.yml</c> file.</summary>
    public static CampaignSpec Load(string path) => Reader.ReadFile(path);

    public static CampaignSpec FromJson(string json, string? origin = null) => Reader.Read(json, DocumentFormat.Json, origin);

    public static CampaignSpec FromYaml(string yaml, string? origin = null) => Reader.Read(yaml, DocumentFormat.Yaml, origin);
}
