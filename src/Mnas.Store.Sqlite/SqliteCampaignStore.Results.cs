using Mnas.Campaigns;

namespace Mnas.Store.Sqlite;

public sealed partial class SqliteCampaignStore
{
    public Task<ResultRecording> RecordResultAsync(ChildResult result, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException("recording a result is not implemented yet");
}
