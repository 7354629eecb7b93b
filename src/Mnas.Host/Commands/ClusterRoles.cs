using Mnas.Grains.Hosting;
using Mnas.Host.Configuration;

namespace Mnas.Host.Commands;

/// <summary>What the cluster's roles (<c>mnas controller</c>, <c>mnas worker</c>) need of the settings, named when missing.</summary>
internal static class ClusterRoles
{
    /// <summary>A silo that joins other processes: membership in PostgreSQL (and, for a controller, the postgres store).</summary>
    public static void ThrowUnlessClustered(HostSettings settings, string role, bool needsStore)
    {
        var problems = new List<string>();
        if (settings.Cluster.Membership != ClusterSettings.Postgres)
        {
            problems.Add($"cluster.membership: mnas {role} joins a cluster, which needs postgres membership (got '{settings.Cluster.Membership}'; " +
                "store postgres sets it by default)");
        }
        if (needsStore && settings.Postgres is null)
        {
            problems.Add($"store: mnas {role} needs store postgres, the cluster's shared store (got {settings.Store})");
        }
        if (problems.Count > 0)
        {
            throw new SettingsException(problems);
        }
    }

    /// <summary>Runs until <paramref name="stop"/> fires.</summary>
    public static async Task WaitAsync(CancellationToken stop)
    {
        try
        {
            await Task.Delay(Timeout.Infinite, stop);
        }
        catch (OperationCanceledException)
        {
        }
    }
}
