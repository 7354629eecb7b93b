using Mnas.Campaigns;
using Mnas.Grains.Campaigns;
using Mnas.Grains.Contracts;
using Mnas.Grains.Hosting;
using Mnas.SearchSpace.Spec;

namespace Mnas.Grains.Tests;

/// <summary>
/// The roles apart: a controller silo with no worker and a worker silo that coordinates nothing, in this process, join
/// one cluster on the membership table of a PostgreSQL store of the test's own, and run a campaign together.
/// </summary>
public sealed class ControllerAndWorkerSiloTests
{
    private const int Children = 8;

    [Fact(Timeout = 120_000)]
    public async Task a_controller_without_a_worker_and_a_worker_that_does_not_coordinate_run_a_campaign_together()
    {
        await using var silos = await PostgresSilos.CreateAsync(new RuntimeOptions { MaxAttempts = 2, AnnounceInterval = TimeSpan.FromMilliseconds(200) });
        var trainer = new FakeTrainer();
        await using var controller = await silos.StartControllerAsync(trainer);
        await using var worker = await silos.StartWorkerAsync(3, trainer);
        await controller.Store.CreateCampaignAsync(new Campaign("roles", "roles", CampaignSpecWriter.ToJson(new CampaignSpec()), "scripted", 0,
            CampaignStatus.Running, DateTimeOffset.UnixEpoch));
        var strategy = new ScriptedStrategy((space, i) => space.Random(new Random(i)));

        await controller.Runner.RunAsync("roles", strategy, new CampaignBudget(Children, null));

        Assert.Equal((SiloRole.Controller, SiloRole.Worker), (controller.Role, worker.Role));
        var children = await controller.Store.ListChildrenAsync("roles");
        Assert.Equal(Children, children.Count);
        Assert.All(children, c => Assert.Equal(ChildStatus.Done, c.Status));
        Assert.Equal(Enumerable.Range(1, Children).Select(i => (long)i), strategy.Outcomes.Select(o => o.Sequence).Order());
        Assert.Equal(CampaignStatus.Completed, (await controller.Store.GetCampaignAsync("roles"))!.Status);
        Assert.Equal(Children, trainer.Requests.Count);
        Assert.All(trainer.Requests, r => Assert.Equal(worker.Worker.Id, r.WorkerId));
        var census = await controller.Grains.GetGrain<IWorkerDirectoryGrain>(0).Census(null);
        Assert.Equal((1, 3), (census.Workers, census.Slots));
        Assert.Throws<InvalidOperationException>(() => controller.Worker);
    }
}
