namespace Mnas.SearchSpace.Serialization;

/// <summary>A document that could not be read at all (bad JSON or YAML syntax); becomes a single spec problem.</summary>
internal sealed class DocumentSyntaxException(string message) : Exception(message);
