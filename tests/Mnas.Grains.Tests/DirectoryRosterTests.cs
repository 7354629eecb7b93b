using Mnas.Grains.Contracts;
using Mnas.Grains.Hosting;

namespace Mnas.Grains.Tests;

/// <summary>
/// The worker directory opened again (its activation lost) knows nobody until the workers announce themselves again:
/// its roster says it is complete only once every active silo that hosts workers has been heard from, or once it has
/// been active for its silence window, so that campaigns do not take a live worker's absence for its loss. A controller
/// silo and a worker silo in this process, on the membership table of a PostgreSQL store of the test's own.
/// </summary>
public sealed class DirectoryRosterTests
{
    [Fact(Timeout = 120_000)]
    public async Task a_directory_opened_again_is_complete_once_every_worker_silo_announced_and_not_before_its_silence_window_while_one_is_silent()
    {
        await using var silos = await PostgresSilos.CreateAsync(new RuntimeOptions { AnnounceInterval = TimeSpan.FromMilliseconds(200) });
        var trainer = new FakeTrainer();
        await using var controller = await silos.StartControllerAsync(trainer);
        await using var worker = await silos.StartWorkerAsync(1, trainer);
        var directory = controller.Grains.GetGrain<IWorkerDirectoryGrain>(0);
        var management = controller.Grains.GetGrain<IManagementGrain>(0);
        await WaitUntil(async () => (await directory.Roster()).Workers.Count == 1);

        // Opened again while the worker announces itself: the roster that lists it is complete.
        await management.DeactivateGrain(directory.GetGrainId());
        WorkerRoster roster;
        while ((roster = await directory.Roster()).Workers.Count == 0)
        {
            await Task.Delay(20);
        }
        Assert.True(roster.Complete, "the directory heard from the only worker silo but does not call its roster complete");

        // Opened again while the worker's silo is up but the worker is silent: nothing is complete until the window has passed.
        await worker.Worker.KillAsync();
        await management.DeactivateGrain(directory.GetGrainId());
        var reopened = DateTimeOffset.UtcNow;
        roster = await directory.Roster();
        var lookup = await directory.Runner("c1", 1, 1);
        var checkedAt = DateTimeOffset.UtcNow;
        Assert.Empty(roster.Workers);
        Assert.True(checkedAt - reopened >= TimeSpan.FromSeconds(5) || (!roster.Complete && !lookup.Complete),
            "the directory called its roster complete while an active worker silo had not announced itself");
        Assert.Null(lookup.Runner);
        await WaitUntil(async () => (await directory.Roster()).Complete);
        Assert.True(DateTimeOffset.UtcNow - reopened >= TimeSpan.FromSeconds(5), "complete before the silence window passed");
    }

    private static async Task WaitUntil(Func<Task<bool>> condition)
    {
        while (!await condition())
        {
            await Task.Delay(20);
        }
    }
}
