using Mnas.Campaigns;
using Npgsql;

namespace Mnas.Store.Postgres;

public sealed partial class PostgresCampaignStore
{
    public async Task<Child> AddChildAsync(Child child, CancellationToken cancellationToken = default)
    {
        StoreRules.ValidateChild(child);
        var added = await AddChildrenCoreAsync([child], "child.CampaignId", cancellationToken).ConfigureAwait(false);
        return added[0];
    }

    public Task<IReadOnlyList<Child>> AddChildrenAsync(IReadOnlyList<Child> children, CancellationToken cancellationToken = default)
    {
        StoreRules.ValidateChildren(children);
        return AddChildrenCoreAsync(children, "children[0].CampaignId", cancellationToken);
    }

    public Task<Child?> GetChildAsync(string campaignId, long sequence, CancellationToken cancellationToken = default)
    {
        StoreRules.RequireId(campaignId, nameof(campaignId));
        StoreRules.RequireSequence(sequence, nameof(sequence));
        return ReadAsync((connection, ct) => SelectChildAsync(connection, null, campaignId, sequence, forUpdate: false, ct), cancellationToken);
    }

    public Task<IReadOnlyList<Child>> ListChildrenAsync(string campaignId, ChildStatus? status = null, CancellationToken cancellationToken = default)
    {
        StoreRules.RequireId(campaignId, nameof(campaignId));
        if (status is { } wanted)
        {
            StoreRules.RequireDefined(wanted, nameof(status));
        }

        return ReadAsync<IReadOnlyList<Child>>(
            async (connection, ct) => await QueryAsync(
                status is { } s
                    ? Command(
                        connection,
                        null,
                        $"SELECT {PostgresRows.ChildColumns} FROM children WHERE campaign_id = @campaign_id AND status = @status ORDER BY sequence;",
                        ("campaign_id", campaignId),
                        ("status", PostgresValues.Name(s)))
                    : Command(
                        connection,
                        null,
                        $"SELECT {PostgresRows.ChildColumns} FROM children WHERE campaign_id = @campaign_id ORDER BY sequence;",
                        ("campaign_id", campaignId)),
                PostgresRows.Child,
                ct).ConfigureAwait(false),
            cancellationToken);
    }

    public Task<Child> UpdateChildAsync(Child child, CancellationToken cancellationToken = default)
    {
        StoreRules.ValidateChild(child);
        return WriteAsync(
            async (connection, transaction, ct) =>
            {
                var stored = await LockChildAsync(connection, transaction, child.CampaignId, child.Sequence, "child.CampaignId", "child.Sequence", ct)
                    .ConfigureAwait(false);
                StoreRules.CheckUpdate(stored, child);
                var updated = stored with
                {
                    Status = child.Status,
                    Attempts = child.Attempts,
                    FailureReason = child.FailureReason,
                    Metrics = child.Metrics,
                    Reward = child.Reward,
                    UpdatedAt = child.UpdatedAt,
                };
                await WriteChildStateAsync(connection, transaction, updated, ct).ConfigureAwait(false);
                return updated;
            },
            idempotent: false,
            cancellationToken);
    }

    public Task<Child> RequeueChildAsync(string campaignId, long sequence, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        StoreRules.RequireId(campaignId, nameof(campaignId));
        StoreRules.RequireSequence(sequence, nameof(sequence));
        return WriteAsync(
            async (connection, transaction, ct) =>
            {
                var stored = await LockChildAsync(connection, transaction, campaignId, sequence, nameof(campaignId), nameof(sequence), ct)
                    .ConfigureAwait(false);
                var requeued = StoreRules.Requeued(stored, at);
                await WriteChildStateAsync(connection, transaction, requeued, ct).ConfigureAwait(false);
                return requeued;
            },
            idempotent: false,
            cancellationToken);
    }

    public Task<Child?> FindDoneChildAsync(string campaignId, string architecture, CancellationToken cancellationToken = default)
    {
        StoreRules.RequireId(campaignId, nameof(campaignId));
        if (string.IsNullOrWhiteSpace(architecture))
        {
            throw new ArgumentException("architecture must not be empty", nameof(architecture));
        }

        return ReadAsync(
            (connection, ct) => QuerySingleAsync(
                Command(
                    connection,
                    null,
                    $"SELECT {PostgresRows.ChildColumns} FROM children WHERE campaign_id = @campaign_id AND architecture = @architecture AND status = @done ORDER BY sequence LIMIT 1;",
                    ("campaign_id", campaignId),
                    ("architecture", architecture),
                    ("done", PostgresValues.Name(ChildStatus.Done))),
                PostgresRows.Child,
                ct),
            cancellationToken);
    }

    public Task<long> GetMaxSequenceAsync(string campaignId, CancellationToken cancellationToken = default)
    {
        StoreRules.RequireId(campaignId, nameof(campaignId));
        return ReadAsync(
            (connection, ct) => ScalarAsync(
                Command(connection, null, "SELECT COALESCE(MAX(sequence), 0) FROM children WHERE campaign_id = @campaign_id;", ("campaign_id", campaignId)),
                ct),
            cancellationToken);
    }

    public Task<IReadOnlyDictionary<ChildStatus, long>> CountChildrenByStatusAsync(string campaignId, CancellationToken cancellationToken = default)
    {
        StoreRules.RequireId(campaignId, nameof(campaignId));
        return ReadAsync<IReadOnlyDictionary<ChildStatus, long>>(
            async (connection, ct) =>
            {
                var counts = Enum.GetValues<ChildStatus>().ToDictionary(status => status, _ => 0L);
                var rows = await QueryAsync(
                    Command(
                        connection,
                        null,
                        "SELECT status, COUNT(*) FROM children WHERE campaign_id = @campaign_id GROUP BY status;",
                        ("campaign_id", campaignId)),
                    row => (Status: PostgresValues.ChildStatus(row.GetString(0)), Count: row.GetInt64(1)),
                    ct).ConfigureAwait(false);
                foreach (var (status, count) in rows)
                {
                    counts[status] = count;
                }

                return counts;
            },
            cancellationToken);
    }

    /// <summary>
    /// Adds each child unless its sequence is taken: a concurrent add of the same sequence waits
    /// for the first to commit, then finds its row. Run again after a commit whose outcome was
    /// lost, it finds its own rows and returns them as the first run would have: it is idempotent.
    /// </summary>
    private Task<IReadOnlyList<Child>> AddChildrenCoreAsync(IReadOnlyList<Child> children, string campaignField, CancellationToken cancellationToken)
    {
        if (children.Count == 0)
        {
            cancellationToken.ThrowIfCancellationRequested();
            return Task.FromResult<IReadOnlyList<Child>>([]);
        }

        return WriteAsync<IReadOnlyList<Child>>(
            async (connection, transaction, ct) =>
            {
                var campaignId = children[0].CampaignId;
                if (!await CampaignExistsAsync(connection, transaction, campaignId, ct).ConfigureAwait(false))
                {
                    throw StoreRules.UnknownCampaign(campaignId, campaignField);
                }

                var stored = new List<Child>(children.Count);
                foreach (var child in children)
                {
                    var parameters = PostgresRows.ChildParameters(child);
                    var inserted = await ExecuteAsync(
                        Command(
                            connection,
                            transaction,
                            $"INSERT INTO children ({PostgresRows.ChildColumns}) VALUES ({PostgresRows.Placeholders(parameters)}) ON CONFLICT (campaign_id, sequence) DO NOTHING;",
                            parameters),
                        ct).ConfigureAwait(false);
                    if (inserted == 1)
                    {
                        stored.Add(child with { Tokens = [.. child.Tokens] });
                        continue;
                    }

                    var existing = await SelectChildAsync(connection, transaction, child.CampaignId, child.Sequence, forUpdate: false, ct).ConfigureAwait(false)
                        ?? throw new InvalidOperationException($"child {child.Sequence} of campaign '{child.CampaignId}' conflicted on insert but cannot be read");
                    if (existing.Architecture != child.Architecture)
                    {
                        throw new ChildConflictException(child.CampaignId, child.Sequence, existing.Architecture, child.Architecture);
                    }

                    stored.Add(existing);
                }

                return stored;
            },
            idempotent: true,
            cancellationToken);
    }

    /// <summary>The stored child, locked until the transaction ends, or the exception naming whichever of campaign and sequence is unknown.</summary>
    private static async Task<Child> LockChildAsync(
        NpgsqlConnection connection,
        NpgsqlTransaction transaction,
        string campaignId,
        long sequence,
        string campaignField,
        string sequenceField,
        CancellationToken cancellationToken)
    {
        var stored = await SelectChildAsync(connection, transaction, campaignId, sequence, forUpdate: true, cancellationToken).ConfigureAwait(false);
        if (stored is not null)
        {
            return stored;
        }

        throw await CampaignExistsAsync(connection, transaction, campaignId, cancellationToken).ConfigureAwait(false)
            ? StoreRules.UnknownChild(campaignId, sequence, sequenceField)
            : StoreRules.UnknownCampaign(campaignId, campaignField);
    }

    private static Task<Child?> SelectChildAsync(
        NpgsqlConnection connection, NpgsqlTransaction? transaction, string campaignId, long sequence, bool forUpdate, CancellationToken cancellationToken) =>
        QuerySingleAsync(
            Command(
                connection,
                transaction,
                $"SELECT {PostgresRows.ChildColumns} FROM children WHERE campaign_id = @campaign_id AND sequence = @sequence{(forUpdate ? " FOR UPDATE" : "")};",
                ("campaign_id", campaignId),
                ("sequence", sequence)),
            PostgresRows.Child,
            cancellationToken);

    private static async Task WriteChildStateAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, Child child, CancellationToken cancellationToken)
    {
        var state = PostgresRows.ChildStateParameters(child);
        var assignments = string.Join(", ", state.Select(p => $"{p.Name} = @{p.Name}"));
        await ExecuteAsync(
            Command(
                connection,
                transaction,
                $"UPDATE children SET {assignments} WHERE campaign_id = @campaign_id AND sequence = @sequence;",
                [("campaign_id", child.CampaignId), ("sequence", child.Sequence), .. state]),
            cancellationToken).ConfigureAwait(false);
    }
}
