using Microsoft.Extensions.Configuration;

namespace Mnas.Host.Configuration;

/// <summary>Every setting a <c>mnas</c> process reads, so that a misspelt one in a file or <c>--set</c> is reported, not ignored.</summary>
internal static class KnownSettings
{
    private static readonly HashSet<string> Keys = new(StringComparer.OrdinalIgnoreCase)
    {
        "data_directory", "dataset_cache", "max_attempts",
        "worker.slots", "worker.threads", "worker.device_class", "worker.device", "worker.trainer", "worker.simulated_seconds",
        "latency.threads", "latency.runs", "latency.warmup",
        "worker.announce_seconds",
        "cluster.membership", "cluster.connection_string", "cluster.id", "cluster.service_id", "cluster.silo_port", "cluster.gateway_port",
        "cluster.advertised_address", "cluster.gateways", "cluster.kubernetes", "cluster.probe_timeout_seconds", "cluster.missed_probes_limit",
        "cluster.shutdown_seconds",
        "store", "store.kind", "store.postgres.connection_string", "store.postgres.schema", "store.postgres.command_timeout",
        "api.listen", "api.rate_limit_per_minute", "api.max_body_bytes",
        "management.listen",
        "limits.max_child_params", "limits.max_child_macs", "limits.max_child_activation_bytes",
    };

    public static bool IsKnown(string dottedKey) => Keys.Contains(dottedKey);

    /// <summary>The dotted names of the leaf settings in <paramref name="configuration"/> that are not known (list items count as their list).</summary>
    public static IEnumerable<string> Unknown(IConfiguration configuration) =>
        configuration.AsEnumerable()
            .Where(kv => kv.Value != null)
            .Select(kv => kv.Key.Replace(':', '.'))
            .Select(key => System.Text.RegularExpressions.Regex.Replace(key, @"\.\d+$", ""))
            .Where(key => !IsKnown(key))
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .Order(StringComparer.Ordinal);
}
