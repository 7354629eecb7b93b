using Mnas.Grains.Hosting;

namespace Mnas.Grains.Tests;

/// <summary>
/// An embedded silo dying under a running campaign: its worker goes at once, answering nothing more, and the campaign's
/// run here stops without a word to the store (its runner cancelled). What the worker was running is left as it stood.
/// </summary>
internal static class SiloDeath
{
    public static async Task KillAsync(CampaignHost host, CancellationTokenSource runner, Task run)
    {
        // The worker first: with the silo, its late answers die too, so none of them wakes the campaign here again.
        await host.Worker.KillAsync();
        await runner.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run);
    }
}
