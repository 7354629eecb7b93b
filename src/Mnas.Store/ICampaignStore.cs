using Mnas.Campaigns;

namespace Mnas.Store;

/// <summary>
/// Durable state of search campaigns: campaigns, their children and their training curves, controller checkpoints,
/// the controller's update history and events, the supernets of differentiable campaigns, and the
/// workers that run children as their last heartbeats described them.
/// Every implementation passes the same conformance suite (tests/Mnas.Store.Tests).
/// </summary>
/// <remarks>
/// <para>Every write is one transaction: it happens entirely or not at all. Bad arguments (null or
/// empty ids, a sequence below 1, an unknown campaign or child, a non-finite number) throw an
/// <see cref="ArgumentException"/> whose <see cref="ArgumentException.ParamName"/> names the field
/// (<c>child.Sequence</c>), before anything is written.</para>
/// <para>The store has no clock: timestamps are kept exactly as given (instant and offset).</para>
/// <para>Implementations are safe for concurrent use from several threads.</para>
/// </remarks>
public interface ICampaignStore : IAsyncDisposable
{
    /// <summary>Creates a campaign. Throws <see cref="DuplicateCampaignException"/> when its id is taken.</summary>
    Task CreateCampaignAsync(Campaign campaign, CancellationToken cancellationToken = default);

    /// <summary>The campaign with this id, or null.</summary>
    Task<Campaign?> GetCampaignAsync(string campaignId, CancellationToken cancellationToken = default);

    /// <summary>Every campaign, in the order they were created.</summary>
    Task<IReadOnlyList<Campaign>> ListCampaignsAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// Sets a campaign's status and returns the campaign as stored. Cancelled is final: a cancelled campaign keeps that
    /// status whatever is set later (a coordinator opening or completing it at the moment it is cancelled must not undo
    /// the cancellation), and the campaign is returned unchanged.
    /// </summary>
    Task<Campaign> UpdateCampaignStatusAsync(string campaignId, CampaignStatus status, CancellationToken cancellationToken = default);

    /// <summary>
    /// Deletes a campaign and everything of it (children, checkpoints, events and every other row that names it) as one
    /// transaction. False when there is no such campaign.
    /// </summary>
    Task<bool> DeleteCampaignAsync(string campaignId, CancellationToken cancellationToken = default);

    /// <summary>Records an API key. Throws <see cref="DuplicateApiKeyException"/> when its id is taken.</summary>
    Task CreateApiKeyAsync(ApiKey key, CancellationToken cancellationToken = default);

    /// <summary>The API key with this id (revoked or not), or null.</summary>
    Task<ApiKey?> GetApiKeyAsync(string keyId, CancellationToken cancellationToken = default);

    /// <summary>Every API key, revoked ones included, in the order they were created.</summary>
    Task<IReadOnlyList<ApiKey>> ListApiKeysAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// Revokes an API key at <paramref name="at"/> and returns it as stored; a key already revoked keeps its first
    /// revocation time. Null when there is no such key.
    /// </summary>
    Task<ApiKey?> RevokeApiKeyAsync(string keyId, DateTimeOffset at, CancellationToken cancellationToken = default);

    /// <summary>
    /// Adds a child. Adding a sequence that already exists with the same architecture is a no-op that
    /// returns the stored child (whatever its status now); with a different architecture it throws
    /// <see cref="ChildConflictException"/>.
    /// </summary>
    Task<Child> AddChildAsync(Child child, CancellationToken cancellationToken = default);

    /// <summary>
    /// Adds several children of one campaign as one transaction, with <see cref="AddChildAsync"/>'s
    /// rules for each: if any of them is refused, none is added. Returns the stored children in the
    /// order given.
    /// </summary>
    Task<IReadOnlyList<Child>> AddChildrenAsync(IReadOnlyList<Child> children, CancellationToken cancellationToken = default);

    /// <summary>The child with this sequence number, or null.</summary>
    Task<Child?> GetChildAsync(string campaignId, long sequence, CancellationToken cancellationToken = default);

    /// <summary>A campaign's children ordered by sequence, only those with <paramref name="status"/> when given.</summary>
    Task<IReadOnlyList<Child>> ListChildrenAsync(string campaignId, ChildStatus? status = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// Moves a child to <paramref name="child"/>'s status, attempts, failure reason, metrics, reward
    /// and time, as one transition checked against the stored child (<see cref="ChildLifecycle.CanUpdate"/>):
    /// forward through Sampled → Queued → Training → Measured → Done, or to Failed, never out of Done
    /// or Failed (<see cref="InvalidChildTransitionException"/>). Attempts never decrease; the
    /// architecture, tokens, log-probability and policy version cannot change. Returns the stored child.
    /// </summary>
    Task<Child> UpdateChildAsync(Child child, CancellationToken cancellationToken = default);

    /// <summary>
    /// Sends a child back to Queued for another attempt: allowed from Training, Measured and Failed
    /// (<see cref="ChildLifecycle.CanRequeue"/>). Increments Attempts and clears the failure reason,
    /// metrics and reward. Returns the stored child.
    /// </summary>
    Task<Child> RequeueChildAsync(string campaignId, long sequence, DateTimeOffset at, CancellationToken cancellationToken = default);

    /// <summary>
    /// Records one attempt's answer as a conditional update, in one transaction: it is accepted only while the
    /// child is neither Done nor Failed and its Attempts equal <see cref="ChildResult.Attempt"/> (the attempt
    /// that is current), so the first answer for an attempt wins. Accepted, it moves the child — Done (metrics,
    /// reward), Failed (reason, metrics if given) or Retry (back to Queued, Attempts + 1, reason kept until the
    /// next answer, metrics and reward cleared) — and appends an event of that kind (<c>done</c>, <c>failed</c>,
    /// <c>retry</c>) naming the child and attempt. Not accepted, the child is left exactly as it was and an
    /// <c>ignored</c> event says what was ignored and why. An unknown campaign or child, or a result missing
    /// what its kind needs, throws <see cref="ArgumentException"/> naming the field (<c>result.Metrics</c>).
    /// </summary>
    Task<ResultRecording> RecordResultAsync(ChildResult result, CancellationToken cancellationToken = default);

    /// <summary>The done child of the campaign with this architecture (the lowest sequence if several), or null: its result can be reused.</summary>
    Task<Child?> FindDoneChildAsync(string campaignId, string architecture, CancellationToken cancellationToken = default);

    /// <summary>The highest sequence number of the campaign's children; 0 when it has none.</summary>
    Task<long> GetMaxSequenceAsync(string campaignId, CancellationToken cancellationToken = default);

    /// <summary>How many children of the campaign are in each status (every status present, zero included).</summary>
    Task<IReadOnlyDictionary<ChildStatus, long>> CountChildrenByStatusAsync(string campaignId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Saves a controller checkpoint. Versions of a campaign strictly increase: a version not above
    /// the latest throws <see cref="StaleCheckpointException"/>. Earlier versions are kept.
    /// </summary>
    Task SaveCheckpointAsync(ControllerCheckpoint checkpoint, CancellationToken cancellationToken = default);

    /// <summary>The campaign's checkpoint with the highest version, or null: always a whole one.</summary>
    Task<ControllerCheckpoint?> GetLatestCheckpointAsync(string campaignId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Records a completed controller update in the campaign's history. Returns false, changing nothing, when that
    /// version is already recorded (a coordinator resumed from an earlier checkpoint makes the same update again).
    /// </summary>
    Task<bool> AppendControllerUpdateAsync(ControllerUpdateRecord update, CancellationToken cancellationToken = default);

    /// <summary>The campaign's controller updates in version order.</summary>
    Task<IReadOnlyList<ControllerUpdateRecord>> ListControllerUpdatesAsync(string campaignId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Sets a child's per-epoch training curve, replacing any recorded before (a later attempt's curve replaces an
    /// earlier one's). Epochs must be numbered from 1 without gaps, in order.
    /// </summary>
    Task SaveChildCurveAsync(string campaignId, long sequence, IReadOnlyList<ChildEpoch> curve, CancellationToken cancellationToken = default);

    /// <summary>A child's per-epoch training curve in epoch order; empty when none is recorded.</summary>
    Task<IReadOnlyList<ChildEpoch>> GetChildCurveAsync(string campaignId, long sequence, CancellationToken cancellationToken = default);

    /// <summary>
    /// Records a worker's heartbeat: inserts the worker, or replaces what is known of it — except its
    /// <see cref="WorkerStatus.FirstSeen"/>, kept from the first record, and except when the stored heartbeat is
    /// newer (heartbeats can arrive out of order; the older one is dropped). Returns the worker as stored.
    /// </summary>
    Task<WorkerStatus> RecordWorkerAsync(WorkerStatus worker, CancellationToken cancellationToken = default);

    /// <summary>Every worker recorded, ordered by id.</summary>
    Task<IReadOnlyList<WorkerStatus>> ListWorkersAsync(CancellationToken cancellationToken = default);

    /// <summary>Forgets the workers last heard from before <paramref name="before"/> (gone for good); returns how many.</summary>
    Task<int> ForgetWorkersAsync(DateTimeOffset before, CancellationToken cancellationToken = default);

    /// <summary>The campaign's supernet (differentiable campaigns), or null when none was begun.</summary>
    Task<SupernetRecord?> GetSupernetAsync(string campaignId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Begins the next attempt at the campaign's supernet: creates its record with attempt 1, or adds one to its attempts
    /// keeping its epochs and state (the next attempt goes on from them). Returns the record as stored. An unknown campaign
    /// throws <see cref="ArgumentException"/> (<c>campaignId</c>); a supernet already trained throws
    /// <see cref="InvalidOperationException"/>.
    /// </summary>
    Task<SupernetRecord> BeginSupernetAttemptAsync(string campaignId, DateTimeOffset at, CancellationToken cancellationToken = default);

    /// <summary>
    /// Records a finished epoch and the state after it, in one transaction, as a conditional update: accepted only when the
    /// epoch is the one after the last recorded (<see cref="SupernetRecord.EpochsDone"/> + 1), its attempt is the current
    /// one and the supernet is not trained yet; then the epoch is kept, the state replaces the one before and EpochsDone
    /// moves on. Otherwise nothing changes and false is returned (a repeated or late report). Bad arguments (an unknown
    /// campaign, an epoch below 1, a number not finite, an empty state) throw <see cref="ArgumentException"/> naming the field.
    /// </summary>
    Task<bool> RecordSupernetEpochAsync(SupernetEpochRecord epoch, byte[] state, CancellationToken cancellationToken = default);

    /// <summary>
    /// Marks the supernet trained with its posterior (JSON), if <paramref name="attempt"/> is its current attempt and it is
    /// not trained yet; otherwise changes nothing and returns false.
    /// </summary>
    Task<bool> FinishSupernetAsync(string campaignId, int attempt, string posteriorJson, DateTimeOffset at, CancellationToken cancellationToken = default);

    /// <summary>
    /// Keeps the evolution searched over the campaign's trained supernet (BN-NAS; JSON, see
    /// <see cref="SupernetRecord.EvolutionJson"/>), replacing one kept before. Returns false, changing nothing, when the
    /// supernet is not trained (or was never begun). Bad arguments (an unknown campaign, text that is not a JSON object)
    /// throw <see cref="ArgumentException"/> naming the field.
    /// </summary>
    Task<bool> RecordSupernetEvolutionAsync(string campaignId, string evolutionJson, DateTimeOffset at, CancellationToken cancellationToken = default);

    /// <summary>The supernet's recorded epochs in epoch order; empty when none.</summary>
    Task<IReadOnlyList<SupernetEpochRecord>> ListSupernetEpochsAsync(string campaignId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Keeps a step of the campaign's predictor-driven search (FBNetV3), replacing the step of that number kept before.
    /// Bad arguments (an unknown campaign, a round below 1, an empty stage, text that is not a JSON object) throw
    /// <see cref="ArgumentException"/> naming the field.
    /// </summary>
    Task RecordSearchRoundAsync(SearchRoundRecord round, CancellationToken cancellationToken = default);

    /// <summary>The campaign's search steps in round order; empty when none.</summary>
    Task<IReadOnlyList<SearchRoundRecord>> ListSearchRoundsAsync(string campaignId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Adds measured operators to the campaign's latency lookup table (operator key → median ms on the campaign's device
    /// class); a key the table holds already keeps its first value. Returns how many were added. Bad arguments (an unknown
    /// campaign, an empty key, a latency not positive and finite) throw <see cref="ArgumentException"/> naming the field,
    /// and nothing is added.
    /// </summary>
    Task<int> AddLatencyEntriesAsync(string campaignId, IReadOnlyDictionary<string, double> entries, CancellationToken cancellationToken = default);

    /// <summary>The campaign's latency lookup table (operator key → ms); empty when none was measured.</summary>
    Task<IReadOnlyDictionary<string, double>> GetLatencyTableAsync(string campaignId, CancellationToken cancellationToken = default);

    /// <summary>Appends an event; its id is the campaign's previous highest event id plus one (the first is 1).</summary>
    Task<CampaignEvent> AppendEventAsync(string campaignId, string kind, string message, DateTimeOffset at, CancellationToken cancellationToken = default);

    /// <summary>
    /// The campaign's events with an id above <paramref name="afterId"/>, in id order, at most
    /// <paramref name="limit"/> of them (1 to <see cref="StoreRules.MaxEventPage"/>). Pass the last id
    /// seen to tail the log.
    /// </summary>
    Task<IReadOnlyList<CampaignEvent>> ListEventsAsync(string campaignId, long afterId = 0, int limit = 100, CancellationToken cancellationToken = default);
}
