using Mnas.Campaigns;

namespace Mnas.Store.Sqlite;

public sealed partial class SqliteCampaignStore
{
    public Task RecordSearchRoundAsync(SearchRoundRecord round, CancellationToken cancellationToken = default) => throw new NotImplementedException();

    public Task<IReadOnlyList<SearchRoundRecord>> ListSearchRoundsAsync(string campaignId, CancellationToken cancellationToken = default) =>
        throw new NotImplementedException();

    public Task<int> AddLatencyEntriesAsync(string campaignId, IReadOnlyDictionary<string, double> entries, CancellationToken cancellationToken = default) =>
        throw new NotImplementedException();

    public Task<IReadOnlyDictionary<string, double>> GetLatencyTableAsync(string campaignId, CancellationToken cancellationToken = default) =>
        throw new NotImplementedException();
}
