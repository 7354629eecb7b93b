using Mnas.Campaigns;
using Mnas.Grains.Hosting;
using Mnas.SearchSpace.Spec;

namespace Mnas.Grains.Tests;

/// <summary>
/// Campaigns as a server runs them: submitted to the store with their settings and no runner of their own, the silo's
/// keeper wakes each running one; its grain builds the strategy its settings name, runs it to its budget, and a campaign
/// whose silo died goes on from its last checkpoint on the next silo, ending as if it had never stopped.
/// </summary>
public sealed class CampaignKeeperTests : IDisposable
{
    private const int Budget = 12;
    private readonly TemporaryDirectories directories = new("mnas-keeper");

    public void Dispose() => directories.Dispose();

    private string NewDirectory() => directories.New();

    private static Campaign Submitted() => new("kept", "kept", CampaignSpecWriter.ToJson(new CampaignSpec()),
        new CampaignSettings("rl", MaxChildren: Budget, Minibatch: 4, Workers: 1).ToJson(), 11, CampaignStatus.Running, DateTimeOffset.UnixEpoch);

    private static Task<CampaignHost> StartAsync(string data, FakeTrainer trainer) =>
        CampaignHost.StartAsync(new RuntimeOptions { DataDirectory = data, Workers = 1 }, _ => trainer, keepCampaigns: true);

    private static async Task<Campaign> CompletedAsync(CampaignHost host)
    {
        while (true)
        {
            var campaign = (await host.Store.GetCampaignAsync("kept"))!;
            if (campaign.Status != CampaignStatus.Running)
            {
                return campaign;
            }
            await Task.Delay(20);
        }
    }

    [Fact(Timeout = 60_000)]
    public async Task a_campaign_the_store_has_running_is_run_by_the_strategy_its_settings_name_to_its_budget()
    {
        await using var host = await StartAsync(NewDirectory(), new FakeTrainer());

        await host.Store.CreateCampaignAsync(Submitted());

        Assert.Equal(CampaignStatus.Completed, (await CompletedAsync(host)).Status);
        var children = await host.Store.ListChildrenAsync("kept");
        Assert.Equal(Budget, children.Count);
        Assert.All(children, c => Assert.Equal(ChildStatus.Done, c.Status));
        Assert.Equal([1L, 2L, 3L], (await host.Store.ListControllerUpdatesAsync("kept")).Select(u => u.Version));
    }

    [Fact(Timeout = 60_000)]
    public async Task a_campaign_whose_silo_died_resumes_on_the_next_silo_from_its_checkpoint_and_ends_as_an_uninterrupted_one()
    {
        IReadOnlyList<Child> expected;
        byte[] expectedState;
        await using (var host = await StartAsync(NewDirectory(), new FakeTrainer()))
        {
            await host.Store.CreateCampaignAsync(Submitted());
            await CompletedAsync(host);
            expected = await host.Store.ListChildrenAsync("kept");
            expectedState = (await host.Store.GetLatestCheckpointAsync("kept"))!.State;
        }

        var data = NewDirectory();
        // Its sixth child never finishes here: the silo dies with it running.
        var dying = new FakeTrainer { Received = (_, number, cancellation) => number > 5 ? Task.Delay(Timeout.Infinite, cancellation) : Task.CompletedTask };
        await using (var host = await StartAsync(data, dying))
        {
            await host.Store.CreateCampaignAsync(Submitted());
            while (dying.Requests.Count < 6)
            {
                await Task.Delay(10);
            }
            await host.Worker.KillAsync();
        }
        var next = new FakeTrainer();
        await using (var host = await StartAsync(data, next))
        {
            Assert.Equal(CampaignStatus.Running, (await host.Store.GetCampaignAsync("kept"))!.Status);
            Assert.NotNull(await host.Store.GetLatestCheckpointAsync("kept"));

            Assert.Equal(CampaignStatus.Completed, (await CompletedAsync(host)).Status);

            var children = await host.Store.ListChildrenAsync("kept");
            Assert.Equal(expected.Select(c => (c.Architecture, c.Reward)), children.Select(c => (c.Architecture, c.Reward)));
            Assert.Equal(expectedState, (await host.Store.GetLatestCheckpointAsync("kept"))!.State);
            Assert.DoesNotContain(next.Requests, r => r.Sequence <= 5);
        }
    }
}
