using Mnas.Campaigns;

namespace Mnas.Store.Postgres;

public sealed partial class PostgresCampaignStore
{
    public Task<ResultRecording> RecordResultAsync(ChildResult result, CancellationToken cancellationToken = default)
    {
        StoreRules.ValidateResult(result);
        return WriteAsync(
            async (connection, transaction, ct) =>
            {
                // The child's lock makes concurrent answers for it go one at a time, so only the first for an attempt finds it current.
                var stored = await LockChildAsync(connection, transaction, result.CampaignId, result.Sequence, "result.CampaignId", "result.Sequence", ct)
                    .ConfigureAwait(false);
                var transition = StoreRules.Recorded(stored, result);
                if (transition.Accepted)
                {
                    await WriteChildStateAsync(connection, transaction, transition.Child, ct).ConfigureAwait(false);
                }

                // Always child then campaign, and no other write locks both: the two locks cannot deadlock.
                await LockCampaignAsync(connection, transaction, result.CampaignId, ct).ConfigureAwait(false);
                await InsertEventAsync(connection, transaction, result.CampaignId, transition.EventKind, transition.EventMessage, result.At, ct)
                    .ConfigureAwait(false);
                return transition.Recording;
            },
            // Run again after a commit whose outcome was lost, it would find its own answer and record it as ignored.
            idempotent: false,
            cancellationToken);
    }
}
