using Microsoft.Extensions.Configuration;
using Mnas.Api;
using Mnas.Api.Management;
using Mnas.Costs.Admission;
using Mnas.Grains;
using Mnas.Grains.Hosting;
using Mnas.Store.Postgres;

namespace Mnas.Host.Configuration;

/// <summary>
/// How one <c>mnas</c> process runs: the runtime (worker, latency), the store, the cluster and the API. Read from, in
/// rising priority, the defaults, a JSON file (<c>--config</c> or <c>MNAS_CONFIG</c>), environment variables
/// (<c>MNAS_STORE=postgres</c>, <c>MNAS_CLUSTER__SILO_PORT=11111</c>) and <c>--set key=value</c>; every bad or unknown setting is
/// reported by its dotted name before anything starts.
/// </summary>
internal sealed record HostSettings(RuntimeOptions Runtime, string Store, PostgresStoreOptions? Postgres, ApiOptions Api)
{
    /// <summary>The long-running roles' management listener (<c>management.listen</c>); off by default.</summary>
    public ManagementOptions Management { get; init; } = new();

    /// <summary>How the process joins the Orleans cluster (<c>cluster.*</c>).</summary>
    public ClusterSettings Cluster { get; init; } = new();

    /// <summary>The largest child a campaign may ask for (<c>limits.*</c>), wherever campaigns are created or resumed.</summary>
    public ChildResourceLimits ChildLimits => Api.ChildLimits;

    public const string Sqlite = "sqlite";
    public const string PostgreSql = "postgres";

    /// <summary>Reads and checks the settings; throws <see cref="SettingsException"/> listing every problem.</summary>
    public static HostSettings Load(string? file, IEnumerable<string> sets, IDictionary<string, string?>? environment = null)
    {
        var problems = new List<string>();
        var builder = new ConfigurationBuilder();
        file ??= Environment.GetEnvironmentVariable("MNAS_CONFIG");
        if (file != null)
        {
            if (!File.Exists(file))
            {
                throw new SettingsException([$"config: no file '{file}'"]);
            }

            try
            {
                var fromFile = new ConfigurationBuilder().AddJsonFile(Path.GetFullPath(file), optional: false).Build();
                problems.AddRange(KnownSettings.Unknown(fromFile).Select(k => $"{k}: unknown setting (in {file})"));
                builder.AddConfiguration(fromFile);
            }
            catch (InvalidDataException e)
            {
                throw new SettingsException([$"config: '{file}' is not valid JSON ({e.InnerException?.Message ?? e.Message})"]);
            }
        }

        if (environment != null)
        {
            builder.AddInMemoryCollection(environment.Where(kv => kv.Key.StartsWith("MNAS_", StringComparison.Ordinal))
                .Select(kv => KeyValuePair.Create(kv.Key["MNAS_".Length..].Replace("__", ":", StringComparison.Ordinal).ToLowerInvariant(), kv.Value)));
        }
        else
        {
            builder.AddEnvironmentVariables("MNAS_");
        }

        var fromSets = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        foreach (var set in sets)
        {
            var split = set.IndexOf('=', StringComparison.Ordinal);
            if (split <= 0)
            {
                problems.Add($"--set: expected key=value (got '{set}')");
                continue;
            }

            var key = set[..split].Trim();
            if (!KnownSettings.IsKnown(key))
            {
                problems.Add($"{key}: unknown setting (in --set)");
                continue;
            }

            fromSets[key.Replace('.', ':')] = set[(split + 1)..];
        }

        builder.AddInMemoryCollection(fromSets);
        var settings = Bind(new SettingsReader(builder.Build()), problems);
        if (problems.Count > 0)
        {
            throw new SettingsException(problems);
        }

        return settings;
    }

    // The runtime names its fields; a process's settings group them differently.
    private static readonly Dictionary<string, string> RuntimeFieldSettings = new(StringComparer.Ordinal)
    {
        ["workers"] = "worker.slots",
        ["threads_per_worker"] = "worker.threads",
        ["device_class"] = "worker.device_class",
        ["device"] = "worker.device",
        ["trainer"] = "worker.trainer",
        ["simulated_seconds"] = "worker.simulated_seconds",
        ["latency_threads"] = "latency.threads",
        ["latency_runs"] = "latency.runs",
        ["announce_interval"] = "worker.announce_seconds",
    };

    private static string AsSetting(string problem)
    {
        var colon = problem.IndexOf(':', StringComparison.Ordinal);
        return colon > 0 && RuntimeFieldSettings.TryGetValue(problem[..colon], out var setting) ? setting + problem[colon..] : problem;
    }

    private static HostSettings Bind(SettingsReader read, List<string> problems)
    {
        var defaults = new RuntimeOptions();
        var runtime = new RuntimeOptions
        {
            DataDirectory = read.Text("data_directory", defaults.DataDirectory),
            DatasetCache = read.OptionalText("dataset_cache"),
            MaxAttempts = read.Int("max_attempts", defaults.MaxAttempts),
            Workers = read.Int("worker.slots", defaults.Workers),
            ThreadsPerWorker = read.Int("worker.threads", defaults.ThreadsPerWorker),
            DeviceClass = read.Text("worker.device_class", defaults.DeviceClass),
            Device = read.Text("worker.device", defaults.Device),
            Trainer = read.Text("worker.trainer", defaults.Trainer),
            SimulatedSeconds = TimeSpan.FromSeconds(read.Number("worker.simulated_seconds", defaults.SimulatedSeconds.TotalSeconds)),
            LatencyThreads = read.Int("latency.threads", defaults.LatencyThreads),
            LatencyRuns = read.Int("latency.runs", defaults.LatencyRuns),
            LatencyWarmup = read.Int("latency.warmup", defaults.LatencyWarmup),
            AnnounceInterval = read.Seconds("worker.announce_seconds", defaults.AnnounceInterval),
        };
        var store = read.OptionalText("store.kind") ?? read.Text("store", Sqlite);
        PostgresStoreOptions? postgres = null;
        if (store == PostgreSql)
        {
            postgres = new PostgresStoreOptions
            {
                ConnectionString = read.Text("store.postgres.connection_string", ""),
                Schema = read.Text("store.postgres.schema", PostgresStoreOptions.DefaultSchema),
                CommandTimeout = read.Seconds("store.postgres.command_timeout", TimeSpan.FromSeconds(30)),
            };
            problems.AddRange(PostgresStoreOptionsValidator.Instance.Validate(postgres));
        }
        else if (store != Sqlite)
        {
            problems.Add($"store: must be {Sqlite} or {PostgreSql} (got '{store}')");
        }

        var limitDefaults = new ChildResourceLimits();
        var limits = new ChildResourceLimits
        {
            MaxParams = read.Long(ChildResourceLimits.MaxParamsSetting, limitDefaults.MaxParams),
            MaxMacs = read.Long(ChildResourceLimits.MaxMacsSetting, limitDefaults.MaxMacs),
            MaxActivationBytes = read.Long(ChildResourceLimits.MaxActivationBytesSetting, limitDefaults.MaxActivationBytes),
        };
        var api = new ApiOptions
        {
            ChildLimits = limits,
            Listen = read.Text(ApiOptionsValidator.ListenSetting, ApiOptions.DefaultListen),
            RateLimitPerMinute = read.Int(ApiOptionsValidator.RateLimitSetting, new ApiOptions().RateLimitPerMinute),
            MaxBodyBytes = read.Int(ApiOptionsValidator.MaxBodySetting, (int)new ApiOptions().MaxBodyBytes),
            HeartbeatInterval = runtime.AnnounceInterval,
        };
        problems.AddRange(ApiOptionsValidator.Instance.Validate(api));

        var management = new ManagementOptions { Listen = read.OptionalText(ManagementOptionsValidator.ListenSetting) };
        problems.AddRange(ManagementOptionsValidator.Instance.Validate(management));

        var cluster = ReadCluster(read, postgres);
        problems.AddRange(read.Problems);
        problems.AddRange(runtime.Validate().Select(AsSetting));
        // Membership that takes the store's connection string has its problem named once, as the store's.
        var storeNamesIt = postgres != null && string.IsNullOrWhiteSpace(postgres.ConnectionString) && read.OptionalText("cluster.connection_string") == null;
        problems.AddRange(cluster.Validate().Where(p => !(storeNamesIt && p.StartsWith("cluster.connection_string:", StringComparison.Ordinal))));
        return new HostSettings(runtime, store, postgres, api) { Management = management, Cluster = cluster };
    }

    /// <summary>The <c>cluster.*</c> settings: membership in the store's PostgreSQL by default when the store is there, else localhost.</summary>
    private static ClusterSettings ReadCluster(SettingsReader read, PostgresStoreOptions? postgres)
    {
        var defaults = new ClusterSettings();
        var membership = read.Text("cluster.membership", postgres != null ? ClusterSettings.Postgres : ClusterSettings.Localhost);
        string? storeConnection = null;
        if (postgres != null && membership == ClusterSettings.Postgres && !string.IsNullOrWhiteSpace(postgres.ConnectionString))
        {
            try
            {
                storeConnection = PostgresClusterTables.ConnectionStringFor(postgres);
            }
            catch (ArgumentException)
            {
                // The store's own settings name the problem.
            }
        }
        return new ClusterSettings
        {
            Membership = membership,
            ConnectionString = read.OptionalText("cluster.connection_string") ?? storeConnection,
            ClusterId = read.Text("cluster.id", defaults.ClusterId),
            ServiceId = read.Text("cluster.service_id", defaults.ServiceId),
            // One machine's process: free ports unless set, so that several run side by side.
            SiloPort = read.Int("cluster.silo_port", membership == ClusterSettings.Postgres ? defaults.SiloPort : 0),
            GatewayPort = read.Int("cluster.gateway_port", membership == ClusterSettings.Postgres ? defaults.GatewayPort : 0),
            AdvertisedAddress = read.OptionalText("cluster.advertised_address"),
            Gateways = read.List("cluster.gateways"),
            Kubernetes = read.Flag("cluster.kubernetes", defaults.Kubernetes),
            ProbeTimeout = read.Seconds("cluster.probe_timeout_seconds", defaults.ProbeTimeout),
            MissedProbesLimit = read.Int("cluster.missed_probes_limit", defaults.MissedProbesLimit),
            ShutdownTimeout = read.Seconds("cluster.shutdown_seconds", defaults.ShutdownTimeout),
        };
    }
}
