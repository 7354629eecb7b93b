using Mnas.SearchSpace.Serialization;

namespace Mnas.SearchSpace.Architectures;

/// <summary>
/// Architectures as JSON files: snake_case keys (<c>stem_channels</c>, <c>blocks[i].se_ratio</c>), enums as
/// lower-case strings (<c>mbconv</c>, <c>depthwiseconv</c>, <c>identity</c>, <c>relu6</c>); <c>activation</c>,
/// <c>dropout</c> and a block's <c>groups</c> may be left out (relu, 0.2, 1; <c>groups</c> is written only above 1),
/// every other key is required and unknown keys are errors. Loading
/// validates with <see cref="ArchitectureValidator"/> and throws a <see cref="Validation.SpecException"/> that names
/// the file and lists every problem by field (<c>blocks[3].kernel: must be odd (got 4)</c>). Files carry
/// <c>"format_version": 1</c> first; a file without it (written before versions were) is read as version 1, and one
/// of a version above <see cref="CurrentFormatVersion"/> is refused naming the file and <c>format_version</c>.
/// </summary>
public static class ArchitectureFile
{
    /// <summary>The layout written, and the newest read (docs/export-format.md).</summary>
    public const int CurrentFormatVersion = 1;

    private static readonly DocumentReader<Architecture> Reader = new("architecture file", ArchitectureValidator.Instance, CurrentFormatVersion);

    public static Architecture Load(string path) =>
        DocumentReader<Architecture>.FormatOf(path) == DocumentFormat.Json
            ? Reader.ReadFile(path)
            : throw new Validation.SpecException("architecture file", path,
                [new Validation.SpecProblem("", $"unknown file type '{Path.GetExtension(path)}' (expected .json)")]);

    public static Architecture FromJson(string json, string? origin = null) => Reader.Read(json, DocumentFormat.Json, origin);

    /// <summary>The JSON text; throws a <see cref="Validation.SpecException"/> for an invalid architecture.</summary>
    public static string ToJson(Architecture architecture)
    {
        ArchitectureValidator.Instance.ThrowIfInvalid(architecture);
        return FormatVersion.Write(architecture, CurrentFormatVersion);
    }

    public static void Save(Architecture architecture, string path) => File.WriteAllText(path, ToJson(architecture));
}
