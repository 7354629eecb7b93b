using Mnas.Campaigns;
using Mnas.Strategies;

namespace Mnas.Grains.Campaigns;

/// <summary>
/// A campaign run asked for in this process with a strategy of its own (a foreground <c>mnas search</c>, a test): the
/// campaign's grain runs it in place of the strategy its settings name, and completes <see cref="Done"/> when it ends.
/// </summary>
public sealed class CampaignLaunch(ISearchStrategy strategy, CampaignBudget budget, TimeProvider? clock)
{
    private readonly TaskCompletionSource<Campaign> done = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public ISearchStrategy Strategy { get; } = strategy;

    public CampaignBudget Budget { get; } = budget;

    public TimeProvider? Clock { get; } = clock;

    /// <summary>The campaign as it ended: completed, or cancelled meanwhile; faulted with what stopped it.</summary>
    public Task<Campaign> Done => done.Task;

    internal void Finish(Campaign campaign) => done.TrySetResult(campaign);

    internal void Fail(Exception error) => done.TrySetException(error);
}
