using Mnas.Store.Sqlite;

namespace Mnas.Api.Tests.Contract;

/// <summary>
/// The command line's doors apply the same contract as the API: <c>mnas submit</c> and <c>mnas search</c> refuse a spec
/// file's nonsense naming the file and the field and store nothing; <c>mnas resume</c> refuses a stored campaign that
/// today's limits would refuse.
/// </summary>
public sealed class CommandDoorTests : IDisposable
{
    private readonly string data = Directory.CreateTempSubdirectory("mnas-door-").FullName;

    public void Dispose() => Directory.Delete(data, recursive: true);

    [Theory]
    [InlineData("submit", "proxy: {dataset: ../data/mnist}\n", "proxy.dataset")]
    [InlineData("submit", "reward: {alpha: -1.0e+308}\n", "reward.alpha")]
    [InlineData("submit", "target: {classes: 2000000000}\n", "target.classes")]
    [InlineData("search", "proxy: {seed: -1}\n", "proxy.seed")]
    [InlineData("search", "proxy: {epochs: null}\n", "proxy.epochs: must not be null")]
    public async Task a_spec_file_the_contract_refuses_exits_2_naming_the_file_and_the_field_and_stores_nothing(string command, string yaml, string named)
    {
        var spec = Path.Combine(data, "spec.yaml");
        await File.WriteAllTextAsync(spec, "name: door\n" + yaml);

        var (exitCode, output) = await MnasCommand.RunAsync(command, [$"data_directory={data}"], "--spec", spec, "--children", "2", "--data", data);

        Assert.True(exitCode == 2, output);
        Assert.Contains(named, output);
        Assert.Contains(spec, output);
        Assert.Equal(0, await CampaignCountAsync());
    }

    [Fact]
    public async Task a_seed_beyond_the_documented_range_is_refused_by_name()
    {
        var spec = Path.Combine(data, "spec.yaml");
        await File.WriteAllTextAsync(spec, "name: door\n");

        var (exitCode, output) = await MnasCommand.RunAsync("submit", [], "--spec", spec, "--seed", "9007199254740992", "--data", data);

        Assert.True(exitCode == 2, output);
        Assert.Contains("--seed: must be in 0..9007199254740991", output);
        Assert.Equal(0, await CampaignCountAsync());
    }

    [Fact]
    public async Task submit_and_resume_hold_the_largest_child_to_the_limit_settings()
    {
        var spec = Path.Combine(data, "spec.yaml");
        await File.WriteAllTextAsync(spec, "name: door\n");

        var (refusedCode, refused) = await MnasCommand.RunAsync("submit", ["limits.max_child_params=1000000"], "--spec", spec, "--data", data);
        Assert.True(refusedCode == 2, refused);
        Assert.Contains("above limits.max_child_params (1,000,000)", refused);
        Assert.Equal(0, await CampaignCountAsync());

        var (acceptedCode, accepted) = await MnasCommand.RunAsync("submit", [], "--spec", spec, "--id", "door-1", "--data", data);
        Assert.True(acceptedCode == 0, accepted);
        Assert.Equal(1, await CampaignCountAsync());

        var (resumeCode, resumed) = await MnasCommand.RunAsync("resume", ["limits.max_child_params=1000000"], "door-1", "--data", data);
        Assert.True(resumeCode == 2, resumed);
        Assert.Contains("campaign door-1", resumed);
        Assert.Contains("limits.max_child_params", resumed);
    }

    private async Task<int> CampaignCountAsync()
    {
        if (!File.Exists(Path.Combine(data, "campaigns.db")))
        {
            return 0;
        }

        await using var store = SqliteCampaignStore.InDirectory(data);
        return (await store.ListCampaignsAsync()).Count;
    }
}
