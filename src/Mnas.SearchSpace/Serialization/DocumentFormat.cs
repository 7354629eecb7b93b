namespace Mnas.SearchSpace.Serialization;

/// <summary>The two text formats documents are read from and written to.</summary>
public enum DocumentFormat
{
    Json,
    Yaml,
}
