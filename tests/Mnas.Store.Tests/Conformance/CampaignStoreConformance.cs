using Mnas.Campaigns;

namespace Mnas.Store.Tests.Conformance;

/// <summary>
/// What every <see cref="ICampaignStore"/> must do, one behaviour per test. A provider's tests
/// subclass this and say how to open a store; nothing here knows which database is underneath.
/// xunit makes a fresh instance per test, so each test starts from empty storage of its own.
/// </summary>
public abstract partial class CampaignStoreConformance : IAsyncLifetime
{
    /// <summary>A fixed instant with sub-millisecond ticks and a non-zero offset, so time round-trips are tested exactly.</summary>
    protected static readonly DateTimeOffset T0 = new DateTimeOffset(2025, 3, 14, 15, 9, 26, 535, TimeSpan.FromHours(2)).AddTicks(8979);

    private static readonly int[] NoTokens = [];

    /// <summary>The store under test; <see cref="ReopenAsync"/> replaces it.</summary>
    protected ICampaignStore Store { get; private set; } = null!;

    /// <summary>
    /// Opens a store over this test's storage. Every call made by one test instance opens the same
    /// storage (so closing one store and opening another reads back what was written); a new test
    /// instance gets empty storage.
    /// </summary>
    protected abstract Task<ICampaignStore> OpenStoreAsync();

    public virtual async Task InitializeAsync() => Store = await OpenStoreAsync();

    public virtual async Task DisposeAsync() => await Store.DisposeAsync();

    /// <summary>Closes the store and opens it again over the same storage.</summary>
    protected async Task ReopenAsync()
    {
        await Store.DisposeAsync();
        Store = await OpenStoreAsync();
    }

    protected static Campaign NewCampaign(string id = "c1", CampaignStatus status = CampaignStatus.Running) =>
        new(id, $"campaign {id}", """{"proxy":{"epochs":5},"name":"ünïcødé ✓"}""", "rl", 42, status, T0);

    protected static Child NewChild(
        long sequence,
        string campaignId = "c1",
        string? architecture = null,
        ChildStatus status = ChildStatus.Sampled) =>
        new(
            campaignId,
            sequence,
            architecture ?? $"arch-{sequence}",
            [(int)(sequence % 7), 3, 0, (int)sequence],
            -1.25 * sequence,
            1,
            status,
            0,
            null,
            null,
            null,
            T0.AddSeconds(sequence % 100_000));

    protected static ChildMetrics NewMetrics(double accuracy = 0.7321) =>
        new(accuracy, 12.5, 3_400_000, 300_000_000, 6_422_528, 41.75);

    /// <summary>A child <paramref name="child"/> done with metrics and a reward.</summary>
    protected static Child Done(Child child, double reward = 0.6180339887498949) =>
        child with { Status = ChildStatus.Done, Metrics = NewMetrics(), Reward = reward, UpdatedAt = child.UpdatedAt.AddMinutes(5) };

    protected async Task<Campaign> CreateCampaignAsync(string id = "c1")
    {
        var campaign = NewCampaign(id);
        await Store.CreateCampaignAsync(campaign);
        return campaign;
    }

    /// <summary>Adds <paramref name="child"/> and walks it forward to <paramref name="status"/> by updates.</summary>
    protected async Task<Child> AddInStatusAsync(Child child, ChildStatus status)
    {
        var stored = await Store.AddChildAsync(child with { Status = ChildStatus.Sampled });
        if (status == ChildStatus.Sampled)
        {
            return stored;
        }

        var at = stored.UpdatedAt.AddSeconds(1);
        return await Store.UpdateChildAsync(status switch
        {
            ChildStatus.Done => Done(stored),
            ChildStatus.Failed => stored with { Status = ChildStatus.Failed, FailureReason = "out of memory", UpdatedAt = at },
            _ => stored with { Status = status, UpdatedAt = at },
        });
    }

    /// <summary>Field-for-field equality: tokens as sequences, times with their offsets, doubles bit for bit.</summary>
    protected static void AssertSameChild(Child expected, Child? actual)
    {
        Assert.NotNull(actual);
        Assert.Equal(expected.Tokens, actual.Tokens);
        Assert.Equal(expected with { Tokens = NoTokens }, actual with { Tokens = NoTokens });
        AssertSameTime(expected.UpdatedAt, actual.UpdatedAt);
        AssertSameBits(expected.LogProbability, actual.LogProbability);
        AssertSameBits(expected.Reward, actual.Reward);
        if (expected.Metrics is { } metrics)
        {
            AssertSameBits(metrics.Accuracy, actual.Metrics!.Accuracy);
            AssertSameBits(metrics.LatencyMs, actual.Metrics.LatencyMs);
            AssertSameBits(metrics.TrainSeconds, actual.Metrics.TrainSeconds);
        }
    }

    protected static void AssertSameTime(DateTimeOffset expected, DateTimeOffset actual) =>
        Assert.True(expected.EqualsExact(actual), $"expected {expected:O}, got {actual:O}");

    protected static void AssertSameBits(double? expected, double? actual)
    {
        Assert.Equal(expected.HasValue, actual.HasValue);
        if (expected is { } e)
        {
            Assert.True(
                BitConverter.DoubleToInt64Bits(e) == BitConverter.DoubleToInt64Bits(actual!.Value),
                $"expected {e:R}, got {actual:R}");
        }
    }

    /// <summary>Asserts that <paramref name="act"/> throws an <see cref="ArgumentException"/> naming <paramref name="field"/>.</summary>
    protected static async Task AssertRefusedAsync(string field, Func<Task> act)
    {
        var error = await Assert.ThrowsAnyAsync<ArgumentException>(act);
        Assert.Equal(field, error.ParamName);
    }

    /// <summary>Runs <paramref name="count"/> workers on the thread pool, released together by one barrier.</summary>
    protected static async Task<T[]> RunTogetherAsync<T>(int count, Func<int, Task<T>> work)
    {
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var tasks = Enumerable.Range(0, count).Select(i => Task.Run(async () =>
        {
            await start.Task;
            return await work(i);
        })).ToArray();
        start.SetResult();
        return await Task.WhenAll(tasks);
    }
}
