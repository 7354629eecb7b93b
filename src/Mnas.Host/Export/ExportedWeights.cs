namespace Mnas.Host.Export;

/// <summary>The <c>weights</c> block of <c>metrics.json</c>: the weights file and the architecture they load into.</summary>
/// <param name="File">The weights file, beside <c>metrics.json</c>.</param>
/// <param name="TrainedOn">What the weights were trained on, in words.</param>
/// <param name="Architecture">The architecture file the weights load into (the proxy view); null for a child trained
/// before that file was kept.</param>
public sealed record ExportedWeights(string File, string TrainedOn, string? Architecture);
