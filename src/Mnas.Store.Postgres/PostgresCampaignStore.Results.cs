using Mnas.Campaigns;

namespace Mnas.Store.Postgres;

public sealed partial class PostgresCampaignStore
{
    public Task<ResultRecording> RecordResultAsync(ChildResult result, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException("recording a result is not implemented yet");
}
