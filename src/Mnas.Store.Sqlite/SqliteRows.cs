using Microsoft.Data.Sqlite;
using Mnas.Campaigns;

namespace Mnas.Store.Sqlite;

/// <summary>The column lists of each table and the readers that turn a row back into its record.</summary>
internal static class SqliteRows
{
    public const string CampaignColumns = "id, name, spec_json, strategy, seed, status, created_at, owner";

    public const string ApiKeyColumns = "id, name, role, secret_hash, created_at, revoked_at";

    public const string ChildColumns =
        "campaign_id, sequence, architecture, tokens, log_probability, policy_version, status, attempts, failure_reason, " +
        "accuracy, latency_ms, params, macs, peak_activation_bytes, train_seconds, reward, updated_at";

    public const string CheckpointColumns = "campaign_id, version, last_child_included, state, created_at";

    public const string EventColumns = "campaign_id, id, kind, message, at";

    public const string ControllerUpdateColumns = "campaign_id, version, at, children, mean_reward, baseline, entropy";

    public const string CurveColumns = "campaign_id, sequence, epoch, train_loss, validation_accuracy";

    public const string SupernetColumns = "campaign_id, attempts, epochs_done, state, posterior_json, updated_at, evolution_json";

    public const string SearchRoundColumns = "campaign_id, round, stage, json, recorded_at";

    public const string SupernetEpochColumns =
        "campaign_id, epoch, attempt, temperature, loss, cross_entropy, theta_trained, expected_latency_ms, " +
        "distributions, width_distributions, resolution_distribution, seconds, at, scores, ranking_distance";

    public const string WorkerColumns = "worker_id, device_class, device, threads, slots, running, stopping, first_seen, last_heartbeat, last_heartbeat_ticks";

    public static Campaign Campaign(SqliteDataReader row) => new(
        row.GetString(0),
        row.GetString(1),
        row.GetString(2),
        row.GetString(3),
        row.GetInt64(4),
        SqliteValues.CampaignStatus(row.GetString(5)),
        SqliteValues.Time(row.GetString(6)),
        row.GetString(7));

    public static ApiKey ApiKey(SqliteDataReader row) => new(
        row.GetString(0),
        row.GetString(1),
        Enum.Parse<ApiRole>(row.GetString(2)),
        (byte[])row.GetValue(3),
        SqliteValues.Time(row.GetString(4)),
        row.IsDBNull(5) ? null : SqliteValues.Time(row.GetString(5)));

    public static Child Child(SqliteDataReader row) => new(
        row.GetString(0),
        row.GetInt64(1),
        row.GetString(2),
        SqliteValues.Tokens(row.GetString(3)),
        row.GetDouble(4),
        row.GetInt64(5),
        SqliteValues.ChildStatus(row.GetString(6)),
        row.GetInt32(7),
        row.IsDBNull(8) ? null : row.GetString(8),
        row.IsDBNull(9)
            ? null
            : new ChildMetrics(row.GetDouble(9), row.GetDouble(10), row.GetInt64(11), row.GetInt64(12), row.GetInt64(13), row.GetDouble(14)),
        row.IsDBNull(15) ? null : row.GetDouble(15),
        SqliteValues.Time(row.GetString(16)));

    public static ControllerCheckpoint Checkpoint(SqliteDataReader row) => new(
        row.GetString(0),
        row.GetInt64(1),
        row.GetInt64(2),
        (byte[])row.GetValue(3),
        SqliteValues.Time(row.GetString(4)));

    public static CampaignEvent Event(SqliteDataReader row) => new(
        row.GetString(0),
        row.GetInt64(1),
        row.GetString(2),
        row.GetString(3),
        SqliteValues.Time(row.GetString(4)));

    public static ControllerUpdateRecord ControllerUpdate(SqliteDataReader row) => new(
        row.GetString(0),
        row.GetInt64(1),
        SqliteValues.Time(row.GetString(2)),
        row.GetInt32(3),
        row.GetDouble(4),
        row.GetDouble(5),
        row.GetDouble(6));

    /// <summary>A row of <c>epoch, train_loss, validation_accuracy</c>.</summary>
    public static ChildEpoch Epoch(SqliteDataReader row) => new(row.GetInt32(0), row.GetDouble(1), row.GetDouble(2));

    public static SupernetRecord Supernet(SqliteDataReader row) => new(
        row.GetString(0),
        row.GetInt32(1),
        row.GetInt32(2),
        row.IsDBNull(3) ? null : (byte[])row.GetValue(3),
        row.IsDBNull(4) ? null : row.GetString(4),
        SqliteValues.Time(row.GetString(5)),
        row.IsDBNull(6) ? null : row.GetString(6));

    public static SearchRoundRecord SearchRound(SqliteDataReader row) => new(
        row.GetString(0),
        row.GetInt32(1),
        row.GetString(2),
        row.GetString(3),
        SqliteValues.Time(row.GetString(4)));

    public static SupernetEpochRecord SupernetEpoch(SqliteDataReader row) => new(
        row.GetString(0),
        row.GetInt32(1),
        row.GetInt32(2),
        row.GetDouble(3),
        row.GetDouble(4),
        row.GetDouble(5),
        row.GetInt64(6) != 0,
        row.GetDouble(7),
        SqliteValues.Distributions(row.GetString(8)),
        row.IsDBNull(9) ? null : SqliteValues.Distributions(row.GetString(9)),
        row.IsDBNull(10) ? null : SqliteValues.Distribution(row.GetString(10)),
        row.GetDouble(11),
        SqliteValues.Time(row.GetString(12)),
        row.IsDBNull(13) ? null : SqliteValues.Scores(row.GetString(13)),
        row.IsDBNull(14) ? null : row.GetDouble(14));

    /// <summary>The parameters of <see cref="SupernetEpochColumns"/>, in order.</summary>
    public static (string Name, object? Value)[] SupernetEpochParameters(SupernetEpochRecord epoch) =>
    [
        ("$campaign_id", epoch.CampaignId),
        ("$epoch", epoch.Epoch),
        ("$attempt", epoch.Attempt),
        ("$temperature", epoch.Temperature),
        ("$loss", epoch.Loss),
        ("$cross_entropy", epoch.CrossEntropy),
        ("$theta_trained", epoch.ThetaTrained ? 1 : 0),
        ("$expected_latency_ms", epoch.ExpectedLatencyMs),
        ("$distributions", SqliteValues.Distributions(epoch.Distributions)),
        ("$width_distributions", epoch.WidthDistributions is { } widths ? SqliteValues.Distributions(widths) : null),
        ("$resolution_distribution", epoch.ResolutionDistribution is { } resolutions ? SqliteValues.Distribution(resolutions) : null),
        ("$seconds", epoch.Seconds),
        ("$at", SqliteValues.Time(epoch.At)),
        ("$scores", epoch.Scores is { } scores ? SqliteValues.Scores(scores) : null),
        ("$ranking_distance", epoch.RankingDistance),
    ];

    public static WorkerStatus Worker(SqliteDataReader row) => new(
        row.GetString(0),
        row.GetString(1),
        row.GetString(2),
        row.GetInt32(3),
        row.GetInt32(4),
        SqliteValues.Running(row.GetString(5)),
        row.GetInt64(6) != 0,
        SqliteValues.Time(row.GetString(7)),
        SqliteValues.Time(row.GetString(8)));

    /// <summary>The parameters of <see cref="WorkerColumns"/>, in order.</summary>
    public static (string Name, object? Value)[] WorkerParameters(WorkerStatus worker) =>
    [
        ("$worker_id", worker.WorkerId),
        ("$device_class", worker.DeviceClass),
        ("$device", worker.Device),
        ("$threads", worker.Threads),
        ("$slots", worker.Slots),
        ("$running", SqliteValues.Running(worker.Running)),
        ("$stopping", worker.Stopping ? 1 : 0),
        ("$first_seen", SqliteValues.Time(worker.FirstSeen)),
        ("$last_heartbeat", SqliteValues.Time(worker.LastHeartbeat)),
        ("$last_heartbeat_ticks", worker.LastHeartbeat.UtcTicks),
    ];

    /// <summary>The parameters of <see cref="ChildColumns"/>, in order, for an insert.</summary>
    public static (string Name, object? Value)[] ChildParameters(Child child) =>
    [
        ("$campaign_id", child.CampaignId),
        ("$sequence", child.Sequence),
        ("$architecture", child.Architecture),
        ("$tokens", SqliteValues.Tokens(child.Tokens)),
        ("$log_probability", child.LogProbability),
        ("$policy_version", child.PolicyVersion),
        .. ChildStateParameters(child),
    ];

    /// <summary>The parameters of the columns an update may change.</summary>
    public static (string Name, object? Value)[] ChildStateParameters(Child child) =>
    [
        ("$status", SqliteValues.Name(child.Status)),
        ("$attempts", child.Attempts),
        ("$failure_reason", child.FailureReason),
        ("$accuracy", child.Metrics?.Accuracy),
        ("$latency_ms", child.Metrics?.LatencyMs),
        ("$params", child.Metrics?.Params),
        ("$macs", child.Metrics?.Macs),
        ("$peak_activation_bytes", child.Metrics?.PeakActivationBytes),
        ("$train_seconds", child.Metrics?.TrainSeconds),
        ("$reward", child.Reward),
        ("$updated_at", SqliteValues.Time(child.UpdatedAt)),
    ];
}
