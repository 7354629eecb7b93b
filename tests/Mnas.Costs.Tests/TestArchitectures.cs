using Mnas.SearchSpace.Architectures;

namespace Mnas.Costs.Tests;

/// <summary>Tiny architectures small enough to count by hand: stem stride 1, ReLU, 10 classes.</summary>
internal static class TestArchitectures
{
    public static Architecture Make(InputShape input, int stemChannels, int headChannels, params BlockSpec[] blocks) =>
        new("tiny", input, Classes: 10, stemChannels, StemStride: 1, blocks, headChannels, Activation.ReLU);
}
