using Mnas.Host.Configuration;

namespace Mnas.Api.Tests.Management;

/// <summary><c>management.listen</c> as a process reads it: off unless set, and a bad address refused by name.</summary>
public sealed class ManagementListenSettingTests
{
    [Fact]
    public void the_management_listener_is_off_unless_an_address_is_set()
    {
        Assert.False(HostSettings.Load(null, [], new Dictionary<string, string?>()).Management.Enabled);
        Assert.False(HostSettings.Load(null, ["management.listen="], new Dictionary<string, string?>()).Management.Enabled);
    }

    [Fact]
    public void an_address_is_read_from_the_command_line_and_the_environment()
    {
        Assert.Equal("http://0.0.0.0:9090", HostSettings.Load(null, ["management.listen=http://0.0.0.0:9090"], new Dictionary<string, string?>()).Management.Listen);
        var environment = new Dictionary<string, string?> { ["MNAS_MANAGEMENT__LISTEN"] = "http://127.0.0.1:0" };
        Assert.Equal("http://127.0.0.1:0", HostSettings.Load(null, [], environment).Management.Listen);
    }

    [Theory]
    [InlineData("9090")]
    [InlineData("0.0.0.0:9090")]
    [InlineData("http://0.0.0.0")]
    [InlineData("https://0.0.0.0:9090")]
    [InlineData("http://0.0.0.0:9090/metrics")]
    [InlineData("ftp://0.0.0.0:21")]
    [InlineData("http://0.0.0.0:99999")]
    public void a_bad_address_is_refused_naming_management_listen(string listen)
    {
        var refused = Assert.Throws<SettingsException>(() => HostSettings.Load(null, [$"management.listen={listen}"], new Dictionary<string, string?>()));
        var problem = Assert.Single(refused.Problems);
        Assert.StartsWith("management.listen: must be", problem);
        Assert.Contains($"(got '{listen}')", problem);
    }
}
