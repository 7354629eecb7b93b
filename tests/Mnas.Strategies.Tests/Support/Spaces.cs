using Mnas.SearchSpace.Space;
using Mnas.SearchSpace.Spec;

namespace Mnas.Strategies.Tests.Support;

internal static class Spaces
{
    /// <summary>MnasNet's full space: 7 blocks × 6 decisions = 42 steps, 540^7 samples.</summary>
    public static ModelSpace Default { get; } = new(new CampaignSpec());
}
