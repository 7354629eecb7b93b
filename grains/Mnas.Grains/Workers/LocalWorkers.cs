using System.Collections.Concurrent;

namespace Mnas.Grains.Workers;

/// <summary>The workers this process runs, by id: a worker's grain finds its worker here, on the silo it was placed on.</summary>
public sealed class LocalWorkers
{
    private readonly ConcurrentDictionary<string, WorkerAgent> agents = new(StringComparer.Ordinal);

    public void Add(WorkerAgent agent) => agents[agent.Id] = agent;

    public void Remove(WorkerAgent agent) => agents.TryRemove(KeyValuePair.Create(agent.Id, agent));

    public WorkerAgent? Find(string workerId) => agents.GetValueOrDefault(workerId);

    public IReadOnlyCollection<WorkerAgent> All => agents.Values.ToList();
}
