using Mnas.Campaigns;
using Mnas.Grains.Campaigns;
using Mnas.Grains.Hosting;
using Mnas.SearchSpace.Spec;
using Mnas.Strategies.Rl;

namespace Mnas.Grains.Tests;

/// <summary>A campaign cancelled while its coordinator opens it is not turned back to running, and runs no child.</summary>
public sealed class CancelBeforeStartTests : IAsyncLifetime
{
    private readonly string data = Path.Combine(Path.GetTempPath(), $"mnas-cancel-start-{Guid.NewGuid():N}");

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync()
    {
        Directory.Delete(data, recursive: true);
        return Task.CompletedTask;
    }

    [Fact(Timeout = 60_000)]
    public async Task a_campaign_cancelled_before_its_run_opens_it_stays_cancelled_and_samples_nothing()
    {
        await using var host = await CampaignHost.StartAsync(new RuntimeOptions { DataDirectory = data, Workers = 2 }, _ => new FakeTrainer());
        await host.Store.CreateCampaignAsync(new Campaign("early", "early", CampaignSpecWriter.ToJson(new CampaignSpec()), "rl", 3,
            CampaignStatus.Running, DateTimeOffset.UnixEpoch));
        await host.Store.UpdateCampaignStatusAsync("early", CampaignStatus.Cancelled);

        var outcome = await host.Runner.RunAsync("early",
            new RlStrategy(new ControllerOptions { MinibatchSize = 4, Seed = 3, HiddenSize = 16, EmbeddingSize = 16 }), new CampaignBudget(8, null));

        Assert.Equal(CampaignStatus.Cancelled, outcome.Status);
        Assert.Equal(CampaignStatus.Cancelled, (await host.Store.GetCampaignAsync("early"))!.Status);
        Assert.Equal(0, await host.Store.GetMaxSequenceAsync("early"));
    }
}
