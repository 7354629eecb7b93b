using Mnas.SearchSpace.Supernet;
using Mnas.Costs.Graph;
using Mnas.SearchSpace.Architectures;
using Mnas.Workers.Latency;
using Mnas.Workers.Supernet;

namespace Mnas.Workers.Tests.Supernet;

/// <summary>
/// A small supernet for the toy task's 1×16×16 images: stem 8, then positions 8→16 stride 2, 16→16 and 16→16 (the last
/// two skippable), over FBNet's candidates (k3/k5 × e1/e3/e6, skip).
/// </summary>
internal static class TinySupernet
{
    public static readonly Architecture Frame = new(
        "tiny-frame", new InputShape(1, SyntheticData.Side, SyntheticData.Side), SyntheticData.Classes, StemChannels: 8, StemStride: 1,
        Blocks:
        [
            new(ConvOp.MBConv, 1, 3, 0, SkipOp.Identity, 16, 2, 2),
            new(ConvOp.MBConv, 1, 3, 0, SkipOp.Identity, 16, 1, 1),
        ],
        HeadChannels: 32, Activation: Activation.ReLU, Dropout: 0.0);

    public static SupernetSpace Space() => new(Frame, SupernetCandidate.DefaultNames.Select(SupernetCandidate.Parse).ToList());

    public static int Index(SupernetSpace space, string name) => space.Candidates.Select(c => c.Name).ToList().IndexOf(name);

    /// <summary>
    /// A table whose entries are made up, not timed: each layer costs its expansion × kernel² / 10 ms, stem and head 1 ms
    /// each; cheap candidates are clearly cheaper.
    /// </summary>
    public static LatencyTable MadeUpTable(SupernetSpace space) => MadeUp([space], c => c.Expansion * c.Kernel * c.Kernel / 10.0);

    /// <summary>As <see cref="MadeUpTable"/>, for every width of a channel search: layers cost expansion × kernel² × out channels / 160 ms.</summary>
    public static LatencyTable MadeUpTableOfWidths(WidthSearch search) =>
        MadeUp(search.Spaces, c => c.Expansion * c.Kernel * c.Kernel * c.OutChannels / 160.0);

    /// <summary>The tiny supernet's space at each factor: the frame on its input down-sampled by it.</summary>
    public static IReadOnlyList<SupernetSpace> SpacesAt(IReadOnlyList<int> factors) =>
        factors.Select(r => new SupernetSpace(SupernetResolution.Apply(Frame, r), SupernetCandidate.DefaultNames.Select(SupernetCandidate.Parse).ToList())).ToList();

    /// <summary>
    /// As <see cref="MadeUpTable"/>, for spaces at several resolutions (and widths): layers cost expansion × kernel² × out
    /// channels × input pixels / 40960 ms, so that a layer at half the resolution costs a quarter; stem and head 1 ms each.
    /// </summary>
    public static LatencyTable MadeUpTableOfPixels(IEnumerable<SupernetSpace> spaces) =>
        MadeUp(spaces, c => c.Expansion * c.Kernel * c.Kernel * c.OutChannels * c.InputHeight * c.InputWidth / 40960.0);

    /// <summary>As <see cref="MadeUpTable"/>, for spaces at several resolutions: a layer costs the same at every resolution.</summary>
    public static LatencyTable MadeUpTableOfSpaces(IEnumerable<SupernetSpace> spaces) => MadeUp(spaces, c => c.Expansion * c.Kernel * c.Kernel / 10.0);

    private static LatencyTable MadeUp(IEnumerable<SupernetSpace> spaces, Func<LayerConfig, double> cost)
    {
        var table = new LatencyTable("cpu", 1);
        foreach (var space in spaces)
        {
            foreach (var architecture in space.CandidateArchitectures())
            {
                var operators = NetworkOperators.Of(architecture);
                table.Set(operators[0].Key, 1.0);
                table.Set(operators[^1].Key, 1.0);
            }
            for (var p = 0; p < space.Positions.Count; p++)
            {
                for (var c = 0; c < space.Candidates.Count; c++)
                {
                    if (space.Config(p, c) is { } config)
                    {
                        table.Set(config.Key, cost(config));
                    }
                }
            }
        }
        return table;
    }
}
