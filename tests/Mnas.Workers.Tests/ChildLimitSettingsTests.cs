using Mnas.Costs.Admission;
using Mnas.Host.Configuration;

namespace Mnas.Workers.Tests;

/// <summary>The <c>limits.*</c> settings: defaults, every source, and bad values named by their setting.</summary>
public sealed class ChildLimitSettingsTests
{
    [Fact]
    public void with_nothing_set_the_limits_are_the_defaults()
    {
        Assert.Equal(new ChildResourceLimits(), HostSettings.Load(null, [], new Dictionary<string, string?>()).ChildLimits);
    }

    [Fact]
    public void limits_come_from_set_and_the_environment()
    {
        var settings = HostSettings.Load(null, ["limits.max_child_params=5000000000", "limits.max_child_macs=7"],
            new Dictionary<string, string?> { ["MNAS_LIMITS__MAX_CHILD_ACTIVATION_BYTES"] = "1024" });

        Assert.Equal(new ChildResourceLimits { MaxParams = 5_000_000_000, MaxMacs = 7, MaxActivationBytes = 1024 }, settings.ChildLimits);
    }

    [Fact]
    public void a_bad_limit_is_named_by_its_setting()
    {
        var error = Assert.Throws<SettingsException>(() =>
            HostSettings.Load(null, ["limits.max_child_params=lots", "limits.max_child_macs=0"], new Dictionary<string, string?>()));

        Assert.Contains("limits.max_child_params: must be a whole number (got 'lots')", error.Message);
        Assert.Contains("limits.max_child_macs: must be at least 1 (got 0)", error.Message);
    }
}
