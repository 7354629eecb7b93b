using Mnas.SearchSpace.Space;
using Mnas.SearchSpace.Spec;

namespace Mnas.SearchSpace.Tests.GrowTrim;

/// <summary>The spaces and base networks the grow/trim tests run over: named samples and seeded random ones.</summary>
public static class GrowTrimBases
{
    public static ModelSpace Default { get; } = new(new CampaignSpec());

    /// <summary>A MemNAS-style space: grey 28×28 input, and layer deltas reaching three below the skeleton, so that trimming has room.</summary>
    public static ModelSpace Trimmable { get; } = new(new CampaignSpec
    {
        SearchSpace = new SearchSpaceSpec { LayerDeltas = [-3, -2, -1, 0, 1] },
        Target = new TargetSpec { Input = new(1, 28, 28), Classes = 10 },
    });

    /// <summary>(space, base): <c>default</c> or <c>trimmable</c>; <c>mobilenet_v2</c>, <c>smallest</c> or <c>random:SEED</c>.</summary>
    public static TheoryData<string, string> All
    {
        get
        {
            var data = new TheoryData<string, string>();
            foreach (var space in new[] { "default", "trimmable" })
            {
                data.Add(space, NamedSamples.MobileNetV2);
                data.Add(space, NamedSamples.Smallest);
                foreach (var seed in new[] { 1, 2, 3, 5, 8, 13 })
                {
                    data.Add(space, $"random:{seed}");
                }
            }

            return data;
        }
    }

    public static ModelSpace Space(string name) => name == "default" ? Default : Trimmable;

    public static Sample Base(ModelSpace space, string name) =>
        name.StartsWith("random:", StringComparison.Ordinal)
            ? space.Random(new Random(int.Parse(name["random:".Length..], System.Globalization.CultureInfo.InvariantCulture)))
            : NamedSamples.Resolve(space, name);
}
