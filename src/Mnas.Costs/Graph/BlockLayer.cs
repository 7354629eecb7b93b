namespace Mnas.Costs.Graph;

/// <summary>
/// One layer of one block (both counted from 0), named <c>b{Block}.l{Layer}</c>: its configuration,
/// the span of graph nodes it expands to (<see cref="FirstNodeId"/> to <see cref="OutputNodeId"/>,
/// inclusive) and their summed parameters and multiply-adds.
/// </summary>
public sealed record BlockLayer(int Block, int Layer, LayerConfig Config, int FirstNodeId, int OutputNodeId, long Params, long Macs)
{
    public string Name => $"b{Block}.l{Layer}";
}
