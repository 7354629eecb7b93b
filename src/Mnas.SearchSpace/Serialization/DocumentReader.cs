using System.Text.Json;
using Mnas.SearchSpace.Validation;

namespace Mnas.SearchSpace.Serialization;

/// <summary>
/// The one way documents are read: parse (JSON, or YAML turned into JSON), check the shape against
/// <typeparamref name="T"/> (unknown keys, types), deserialise, validate. Any problem at any stage throws a
/// <see cref="SpecException"/> listing all the problems of that stage; a partial value never comes back. With a
/// <paramref name="formatVersion"/>, the document's <see cref="FormatVersion"/> is checked first and a version above
/// it refused before anything else.
/// </summary>
internal sealed class DocumentReader<T>(string subject, ISpecValidator<T> validator, int? formatVersion = null)
    where T : class
{
    public T Read(string text, DocumentFormat format, string? origin)
    {
        ArgumentNullException.ThrowIfNull(text);
        using var document = Parse(text, format, origin);
        var root = document.RootElement;
        if (formatVersion is { } known)
        {
            (root, var versionProblem) = FormatVersion.Split(root, known);
            if (versionProblem is not null)
            {
                throw new SpecException(subject, origin, [versionProblem]);
            }
        }

        var problems = JsonShapeChecker.Check(root, typeof(T));
        if (problems.Count > 0)
        {
            throw new SpecException(subject, origin, problems);
        }

        T value;
        try
        {
            value = root.Deserialize<T>(JsonSettings.Options) ?? throw Fail(origin, "the document is empty");
        }
        catch (JsonException e)
        {
            throw Fail(origin, e.Message);
        }

        problems = validator.Validate(value);
        return problems.Count > 0 ? throw new SpecException(subject, origin, problems) : value;
    }

    /// <summary>Reads a file, JSON for <c>.json</c> and YAML for <c>.yaml</c>/<c>.yml</c>.</summary>
    public T ReadFile(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var format = FormatOf(path) ?? throw Fail(path, $"unknown file type '{Path.GetExtension(path)}' (expected .json, .yaml or .yml)");
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            throw Fail(path, "no such file");
        }

        return Read(text, format, path);
    }

    public static DocumentFormat? FormatOf(string path) => Path.GetExtension(path).ToLowerInvariant() switch
    {
        ".json" => DocumentFormat.Json,
        ".yaml" or ".yml" => DocumentFormat.Yaml,
        _ => null,
    };

    private JsonDocument Parse(string text, DocumentFormat format, string? origin)
    {
        try
        {
            return format == DocumentFormat.Json ? ParseJson(text) : YamlToJson.Convert(text);
        }
        catch (DocumentSyntaxException e)
        {
            throw Fail(origin, e.Message);
        }
    }

    public static JsonDocument ParseJson(string text)
    {
        try
        {
            return JsonDocument.Parse(text);
        }
        catch (JsonException e)
        {
            var line = (e.LineNumber ?? 0) + 1;
            var column = (e.BytePositionInLine ?? 0) + 1;
            var reason = e.Message.Split(" LineNumber:")[0].Split(" Path:")[0].Trim();
            throw new DocumentSyntaxException($"not valid JSON (line {line}, column {column}): {reason}");
        }
    }

    private SpecException Fail(string? origin, string message) => new(subject, origin, [new SpecProblem("", message)]);
}
