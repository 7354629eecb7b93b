using Mnas.Campaigns;

namespace Mnas.Store.Sqlite;

public sealed partial class SqliteCampaignStore
{
    public Task<ResultRecording> RecordResultAsync(ChildResult result, CancellationToken cancellationToken = default)
    {
        StoreRules.ValidateResult(result);
        return WriteAsync(
            async (connection, transaction, ct) =>
            {
                var stored = await RequireChildAsync(connection, transaction, result.CampaignId, result.Sequence, "result.CampaignId", "result.Sequence", ct)
                    .ConfigureAwait(false);
                var transition = StoreRules.Recorded(stored, result);
                if (transition.Accepted)
                {
                    await WriteChildStateAsync(connection, transaction, transition.Child, ct).ConfigureAwait(false);
                }

                await InsertEventAsync(connection, transaction, result.CampaignId, transition.EventKind, transition.EventMessage, result.At, ct)
                    .ConfigureAwait(false);
                return transition.Recording;
            },
            cancellationToken);
    }
}
