using Mnas.Store;

namespace Mnas.Api.Health;

/// <summary>
/// The store answers a cheap read, as <see cref="StoreReadinessProbe"/> asks, over a store this probe opens on first
/// use and keeps: a role that opens its store only later (a controller while it leads) still starts while the database
/// is away, and is not ready until it answers.
/// </summary>
public sealed class OpeningStoreReadinessProbe(Func<CancellationToken, Task<ICampaignStore>> open) : IReadinessProbe, IAsyncDisposable
{
    private readonly SemaphoreSlim gate = new(1, 1);
    private ICampaignStore? store;

    public string Name => "store";

    public async Task<string?> FindProblemAsync(CancellationToken cancellation)
    {
        await gate.WaitAsync(cancellation);
        try
        {
            store ??= await open(cancellation);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return $"{e.GetType().Name}: {e.Message}";
        }
        finally
        {
            gate.Release();
        }

        return await new StoreReadinessProbe(store).FindProblemAsync(cancellation);
    }

    public async ValueTask DisposeAsync()
    {
        if (store != null)
        {
            await store.DisposeAsync();
        }
    }
}
