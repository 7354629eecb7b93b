using Mnas.Campaigns;
using Npgsql;

namespace Mnas.Store.Postgres;

/// <summary>The column lists of each table, the readers that turn a row back into its record, and the parameters that write one.</summary>
internal static class PostgresRows
{
    public const string CampaignColumns = "id, name, spec_json, strategy, seed, status, created_utc_ticks, created_offset_minutes, owner";

    public const string ApiKeyColumns =
        "id, name, role, secret_hash, created_utc_ticks, created_offset_minutes, revoked_utc_ticks, revoked_offset_minutes";

    public const string ChildColumns =
        "campaign_id, sequence, architecture, tokens, log_probability, policy_version, status, attempts, failure_reason, " +
        "accuracy, latency_ms, params, macs, peak_activation_bytes, train_seconds, reward, updated_utc_ticks, updated_offset_minutes";

    public const string CheckpointColumns = "campaign_id, version, last_child_included, state, created_utc_ticks, created_offset_minutes";

    public const string EventColumns = "campaign_id, id, kind, message, at_utc_ticks, at_offset_minutes";

    public const string ControllerUpdateColumns =
        "campaign_id, version, at_utc_ticks, at_offset_minutes, children, mean_reward, baseline, entropy";

    public const string CurveColumns = "campaign_id, sequence, epoch, train_loss, validation_accuracy";

    public const string SupernetColumns =
        "campaign_id, attempts, epochs_done, state, posterior_json, updated_utc_ticks, updated_offset_minutes, evolution_json";

    public const string SearchRoundColumns = "campaign_id, round, stage, json, recorded_utc_ticks, recorded_offset_minutes";

    public const string SupernetEpochColumns =
        "campaign_id, epoch, attempt, temperature, loss, cross_entropy, theta_trained, expected_latency_ms, " +
        "distributions, width_distributions, resolution_distribution, seconds, at_utc_ticks, at_offset_minutes, scores, ranking_distance";

    public const string WorkerColumns =
        "worker_id, device_class, device, threads, slots, running, stopping, " +
        "first_seen_utc_ticks, first_seen_offset_minutes, last_heartbeat_utc_ticks, last_heartbeat_offset_minutes";

    public static Campaign Campaign(NpgsqlDataReader row) => new(
        row.GetString(0),
        row.GetString(1),
        row.GetString(2),
        row.GetString(3),
        row.GetInt64(4),
        PostgresValues.CampaignStatus(row.GetString(5)),
        PostgresValues.Time(row.GetInt64(6), row.GetInt16(7)),
        row.GetString(8));

    public static ApiKey ApiKey(NpgsqlDataReader row) => new(
        row.GetString(0),
        row.GetString(1),
        Enum.Parse<ApiRole>(row.GetString(2)),
        row.GetFieldValue<byte[]>(3),
        PostgresValues.Time(row.GetInt64(4), row.GetInt16(5)),
        row.IsDBNull(6) ? null : PostgresValues.Time(row.GetInt64(6), row.GetInt16(7)));

    /// <summary>The parameters of <see cref="ApiKeyColumns"/>, in order.</summary>
    public static (string Name, object? Value)[] ApiKeyParameters(ApiKey key) =>
    [
        ("id", key.Id),
        ("name", key.Name),
        ("role", key.Role.ToString()),
        ("secret_hash", key.SecretHash),
        ("created_utc_ticks", PostgresValues.UtcTicks(key.CreatedAt)),
        ("created_offset_minutes", PostgresValues.OffsetMinutes(key.CreatedAt)),
        ("revoked_utc_ticks", key.RevokedAt is { } revoked ? PostgresValues.UtcTicks(revoked) : null),
        ("revoked_offset_minutes", key.RevokedAt is { } at ? PostgresValues.OffsetMinutes(at) : null),
    ];

    public static Child Child(NpgsqlDataReader row) => new(
        row.GetString(0),
        row.GetInt64(1),
        row.GetString(2),
        row.GetFieldValue<int[]>(3),
        row.GetDouble(4),
        row.GetInt64(5),
        PostgresValues.ChildStatus(row.GetString(6)),
        row.GetInt32(7),
        row.IsDBNull(8) ? null : row.GetString(8),
        row.IsDBNull(9)
            ? null
            : new ChildMetrics(row.GetDouble(9), row.GetDouble(10), row.GetInt64(11), row.GetInt64(12), row.GetInt64(13), row.GetDouble(14)),
        row.IsDBNull(15) ? null : row.GetDouble(15),
        PostgresValues.Time(row.GetInt64(16), row.GetInt16(17)));

    public static ControllerCheckpoint Checkpoint(NpgsqlDataReader row) => new(
        row.GetString(0),
        row.GetInt64(1),
        row.GetInt64(2),
        row.GetFieldValue<byte[]>(3),
        PostgresValues.Time(row.GetInt64(4), row.GetInt16(5)));

    public static ControllerUpdateRecord ControllerUpdate(NpgsqlDataReader row) => new(
        row.GetString(0),
        row.GetInt64(1),
        PostgresValues.Time(row.GetInt64(2), row.GetInt16(3)),
        row.GetInt32(4),
        row.GetDouble(5),
        row.GetDouble(6),
        row.GetDouble(7));

    /// <summary>A row of <c>epoch, train_loss, validation_accuracy</c>.</summary>
    public static ChildEpoch Epoch(NpgsqlDataReader row) => new(row.GetInt32(0), row.GetDouble(1), row.GetDouble(2));

    public static CampaignEvent Event(NpgsqlDataReader row) => new(
        row.GetString(0),
        row.GetInt64(1),
        row.GetString(2),
        row.GetString(3),
        PostgresValues.Time(row.GetInt64(4), row.GetInt16(5)));

    public static SupernetRecord Supernet(NpgsqlDataReader row) => new(
        row.GetString(0),
        row.GetInt32(1),
        row.GetInt32(2),
        row.IsDBNull(3) ? null : row.GetFieldValue<byte[]>(3),
        row.IsDBNull(4) ? null : row.GetString(4),
        PostgresValues.Time(row.GetInt64(5), row.GetInt16(6)),
        row.IsDBNull(7) ? null : row.GetString(7));

    public static SearchRoundRecord SearchRound(NpgsqlDataReader row) => new(
        row.GetString(0),
        row.GetInt32(1),
        row.GetString(2),
        row.GetString(3),
        PostgresValues.Time(row.GetInt64(4), row.GetInt16(5)));

    public static SupernetEpochRecord SupernetEpoch(NpgsqlDataReader row) => new(
        row.GetString(0),
        row.GetInt32(1),
        row.GetInt32(2),
        row.GetDouble(3),
        row.GetDouble(4),
        row.GetDouble(5),
        row.GetBoolean(6),
        row.GetDouble(7),
        PostgresValues.Distributions(row.GetString(8)),
        row.IsDBNull(9) ? null : PostgresValues.Distributions(row.GetString(9)),
        row.IsDBNull(10) ? null : PostgresValues.Distribution(row.GetString(10)),
        row.GetDouble(11),
        PostgresValues.Time(row.GetInt64(12), row.GetInt16(13)),
        row.IsDBNull(14) ? null : PostgresValues.Scores(row.GetString(14)),
        row.IsDBNull(15) ? null : row.GetDouble(15));

    public static WorkerStatus Worker(NpgsqlDataReader row) => new(
        row.GetString(0),
        row.GetString(1),
        row.GetString(2),
        row.GetInt32(3),
        row.GetInt32(4),
        PostgresValues.Running(row.GetString(5)),
        row.GetBoolean(6),
        PostgresValues.Time(row.GetInt64(7), row.GetInt16(8)),
        PostgresValues.Time(row.GetInt64(9), row.GetInt16(10)));

    /// <summary>The parameters of <see cref="CampaignColumns"/>, in order.</summary>
    public static (string Name, object? Value)[] CampaignParameters(Campaign campaign) =>
    [
        ("id", campaign.Id),
        ("name", campaign.Name),
        ("spec_json", campaign.SpecJson),
        ("strategy", campaign.Strategy),
        ("seed", campaign.Seed),
        ("status", PostgresValues.Name(campaign.Status)),
        ("created_utc_ticks", PostgresValues.UtcTicks(campaign.CreatedAt)),
        ("created_offset_minutes", PostgresValues.OffsetMinutes(campaign.CreatedAt)),
        ("owner", campaign.Owner),
    ];

    /// <summary>The parameters of <see cref="ChildColumns"/>, in order, for an insert.</summary>
    public static (string Name, object? Value)[] ChildParameters(Child child) =>
    [
        ("campaign_id", child.CampaignId),
        ("sequence", child.Sequence),
        ("architecture", child.Architecture),
        ("tokens", child.Tokens.ToArray()),
        ("log_probability", child.LogProbability),
        ("policy_version", child.PolicyVersion),
        .. ChildStateParameters(child),
    ];

    /// <summary>The parameters of the columns an update may change.</summary>
    public static (string Name, object? Value)[] ChildStateParameters(Child child) =>
    [
        ("status", PostgresValues.Name(child.Status)),
        ("attempts", child.Attempts),
        ("failure_reason", child.FailureReason),
        ("accuracy", child.Metrics?.Accuracy),
        ("latency_ms", child.Metrics?.LatencyMs),
        ("params", child.Metrics?.Params),
        ("macs", child.Metrics?.Macs),
        ("peak_activation_bytes", child.Metrics?.PeakActivationBytes),
        ("train_seconds", child.Metrics?.TrainSeconds),
        ("reward", child.Reward),
        ("updated_utc_ticks", PostgresValues.UtcTicks(child.UpdatedAt)),
        ("updated_offset_minutes", PostgresValues.OffsetMinutes(child.UpdatedAt)),
    ];

    /// <summary>The parameters of <see cref="CheckpointColumns"/>, in order.</summary>
    public static (string Name, object? Value)[] CheckpointParameters(ControllerCheckpoint checkpoint) =>
    [
        ("campaign_id", checkpoint.CampaignId),
        ("version", checkpoint.Version),
        ("last_child_included", checkpoint.LastChildIncluded),
        ("state", checkpoint.State),
        ("created_utc_ticks", PostgresValues.UtcTicks(checkpoint.CreatedAt)),
        ("created_offset_minutes", PostgresValues.OffsetMinutes(checkpoint.CreatedAt)),
    ];

    /// <summary>The parameters of <see cref="SupernetEpochColumns"/>, in order.</summary>
    public static (string Name, object? Value)[] SupernetEpochParameters(SupernetEpochRecord epoch) =>
    [
        ("campaign_id", epoch.CampaignId),
        ("epoch", epoch.Epoch),
        ("attempt", epoch.Attempt),
        ("temperature", epoch.Temperature),
        ("loss", epoch.Loss),
        ("cross_entropy", epoch.CrossEntropy),
        ("theta_trained", epoch.ThetaTrained),
        ("expected_latency_ms", epoch.ExpectedLatencyMs),
        ("distributions", PostgresValues.Distributions(epoch.Distributions)),
        ("width_distributions", epoch.WidthDistributions is { } widths ? PostgresValues.Distributions(widths) : null),
        ("resolution_distribution", epoch.ResolutionDistribution is { } resolutions ? PostgresValues.Distribution(resolutions) : null),
        ("seconds", epoch.Seconds),
        ("at_utc_ticks", PostgresValues.UtcTicks(epoch.At)),
        ("at_offset_minutes", PostgresValues.OffsetMinutes(epoch.At)),
        ("scores", epoch.Scores is { } scores ? PostgresValues.Scores(scores) : null),
        ("ranking_distance", epoch.RankingDistance),
    ];

    /// <summary>The parameters of <see cref="WorkerColumns"/>, in order.</summary>
    public static (string Name, object? Value)[] WorkerParameters(WorkerStatus worker) =>
    [
        ("worker_id", worker.WorkerId),
        ("device_class", worker.DeviceClass),
        ("device", worker.Device),
        ("threads", worker.Threads),
        ("slots", worker.Slots),
        ("running", PostgresValues.Running(worker.Running)),
        ("stopping", worker.Stopping),
        ("first_seen_utc_ticks", PostgresValues.UtcTicks(worker.FirstSeen)),
        ("first_seen_offset_minutes", PostgresValues.OffsetMinutes(worker.FirstSeen)),
        ("last_heartbeat_utc_ticks", PostgresValues.UtcTicks(worker.LastHeartbeat)),
        ("last_heartbeat_offset_minutes", PostgresValues.OffsetMinutes(worker.LastHeartbeat)),
    ];

    /// <summary>The placeholder of a worker column: <c>running</c> is bound as JSON text and cast to jsonb.</summary>
    public static string WorkerPlaceholder(string name) => name == "running" ? "@running::jsonb" : "@" + name;

    /// <summary>"@a, @b, …": the placeholders of <paramref name="parameters"/>, for a VALUES list.</summary>
    public static string Placeholders((string Name, object? Value)[] parameters) => string.Join(", ", parameters.Select(p => "@" + p.Name));
}
