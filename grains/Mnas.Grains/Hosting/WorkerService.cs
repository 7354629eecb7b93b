using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Mnas.Grains.Contracts;
using Mnas.Grains.Trainer;
using Mnas.Grains.Workers;
using Orleans.Runtime;

namespace Mnas.Grains.Hosting;

/// <summary>
/// This silo's worker: started once the silo runs (it activates its grain here), stopped before the silo stops, so its
/// running children are handed back while the cluster can still take them.
/// </summary>
public sealed class WorkerService(RuntimeOptions options, IChildRunner runner, IGrainFactory grains, ILocalSiloDetails silo, LocalWorkers local,
    ILoggerFactory loggers) : IHostedService
{
    private readonly List<WorkerAgent> started = [];

    /// <summary>The worker this service started first (null before it starts).</summary>
    public WorkerAgent? Worker => started.FirstOrDefault();

    public Task StartAsync(CancellationToken cancellationToken) => StartWorkerAsync(options.Workers, runner, null);

    /// <summary>Starts one more worker in this process (for tests and machines with several device classes); it stops with the service.</summary>
    public async Task<WorkerAgent> StartWorkerAsync(int slots, IChildRunner childRunner, string? deviceClass)
    {
        var identity = WorkerIdentity.ForThisProcess(deviceClass ?? options.DeviceClass, options.Device, options.ThreadsPerWorker);
        var agent = new WorkerAgent(identity, slots, childRunner, new GrainWorkerReports(grains), silo.SiloAddress, options, TimeProvider.System,
            loggers.CreateLogger<WorkerAgent>());
        local.Add(agent);
        if (!await grains.GetGrain<IWorkerGrain>(agent.Id).Attach())
        {
            throw new InvalidOperationException($"worker {agent.Id}: its grain was placed away from its silo");
        }
        await agent.StartAsync();
        lock (started)
        {
            started.Add(agent);
        }
        return agent;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        WorkerAgent[] agents;
        lock (started)
        {
            agents = [.. started];
        }
        foreach (var agent in agents)
        {
            await agent.StopAsync();
            local.Remove(agent);
        }
    }
}
