using Mnas.SearchSpace.Supernet;
using Mnas.Strategies.BnNas;

namespace Mnas.Strategies.Tests.BnNas;

public sealed class SubnetConstraintsTests
{
    private static readonly SupernetLayerCost Cost = new(10, 2_000, 30_000, 400);

    [Fact]
    public void no_constraints_allow_anything()
    {
        Assert.True(SubnetConstraints.None.Allows(Cost));
        Assert.Equal("no constraints", SubnetConstraints.None.Describe());
    }

    [Theory]
    [InlineData(10.0, null, null, null, true)]
    [InlineData(9.99, null, null, null, false)]
    [InlineData(null, 2_000L, null, null, true)]
    [InlineData(null, 1_999L, null, null, false)]
    [InlineData(null, null, 29_999L, null, false)]
    [InlineData(null, null, null, 399L, false)]
    [InlineData(20.0, 5_000L, 30_000L, 400L, true)]
    public void a_cost_is_allowed_only_within_every_limit_set(double? latency, long? parameters, long? macs, long? peak, bool allowed)
    {
        var constraints = new SubnetConstraints { MaxLatencyMs = latency, MaxParams = parameters, MaxMacs = macs, MaxPeakActivationBytes = peak };

        Assert.Equal(allowed, constraints.Allows(Cost));
    }

    [Fact]
    public void it_describes_the_limits_set_by_their_settings()
    {
        var constraints = new SubnetConstraints { MaxLatencyMs = 2.5, MaxPeakActivationBytes = 1_048_576 };

        Assert.Equal("max_latency_ms 2.5, max_peak_activation_bytes 1048576", constraints.Describe());
    }

    [Fact]
    public void limits_that_allow_nothing_are_refused_naming_the_setting()
    {
        var problems = new SubnetConstraints { MaxLatencyMs = 0, MaxParams = -1, MaxMacs = 0 }.Validate().ToList();

        Assert.Equal(3, problems.Count);
        Assert.StartsWith("max_latency_ms:", problems[0]);
        Assert.StartsWith("max_params:", problems[1]);
        Assert.StartsWith("max_macs:", problems[2]);
    }
}
