namespace Mnas.Host.Export;

/// <summary>The files <c>mnas export</c> writes into its output directory (docs/export-format.md).</summary>
public static class ExportFiles
{
    /// <summary>The child's architecture on the campaign's target task.</summary>
    public const string Architecture = "architecture.json";

    /// <summary>The trained weights, safetensors.</summary>
    public const string Weights = "weights.safetensors";

    /// <summary>The architecture the weights were trained on and load into: the proxy view.</summary>
    public const string WeightsArchitecture = "weights-architecture.json";

    public const string Metrics = "metrics.json";
}
