using System.Diagnostics;
using Mnas.Campaigns;
using Mnas.Grains;
using Mnas.Grains.Hosting;
using Mnas.SearchSpace.Spec;
using Mnas.Store;

namespace Mnas.Benchmarks;

/// <summary>
/// A campaign run to its end in the benchmark's process: one embedded worker with every core (latency on one thread), its
/// data under <c>root/id</c>, seed 1. The host stays open until disposed, so the caller can read what the store recorded.
/// </summary>
internal sealed class EmbeddedCampaign : IAsyncDisposable
{
    private readonly CampaignHost host;

    private EmbeddedCampaign(CampaignHost host, double wallSeconds) => (this.host, WallSeconds) = (host, wallSeconds);

    public ICampaignStore Store => host.Store;

    /// <summary>The campaign's run, from its strategy's start to its end.</summary>
    public double WallSeconds { get; }

    public static async Task<EmbeddedCampaign> RunAsync(string root, string id, CampaignSpec spec, CampaignSettings settings)
    {
        var runtime = new RuntimeOptions
        {
            DataDirectory = Path.Combine(root, id), Workers = 1, ThreadsPerWorker = Environment.ProcessorCount, LatencyThreads = 1,
        };
        var host = await CampaignHost.StartAsync(runtime);
        try
        {
            await host.Store.CreateCampaignAsync(new Campaign(id, id, CampaignSpecWriter.ToJson(spec), settings.ToJson(), 1, CampaignStatus.Running,
                DateTimeOffset.UtcNow));
            var clock = Stopwatch.StartNew();
            await host.Runner.RunAsync(id, StrategyFactory.Create(settings, 1, spec), settings.Budget);
            return new EmbeddedCampaign(host, clock.Elapsed.TotalSeconds);
        }
        catch
        {
            await host.DisposeAsync();
            throw;
        }
    }

    public ValueTask DisposeAsync() => host.DisposeAsync();
}
