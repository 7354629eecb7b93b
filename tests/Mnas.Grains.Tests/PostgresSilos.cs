using Mnas.Grains.Hosting;
using Mnas.Grains.Trainer;
using Mnas.Store.Postgres;
using Mnas.Store.Tests.Postgres;

namespace Mnas.Grains.Tests;

/// <summary>
/// Silos of this process joining one cluster on the membership table of a PostgreSQL store of the test's own, the
/// roles apart: controller silos with no worker (on that store), worker silos that coordinate nothing.
/// </summary>
internal sealed class PostgresSilos : IAsyncDisposable
{
    private readonly PostgresTestDatabase database;
    private readonly PostgresStoreOptions store;
    private readonly ClusterSettings cluster;
    private readonly RuntimeOptions options;

    private PostgresSilos(PostgresTestDatabase database, RuntimeOptions options)
    {
        this.database = database;
        store = new PostgresStoreOptions { ConnectionString = database.ConnectionString };
        cluster = new ClusterSettings
        {
            Membership = ClusterSettings.Postgres, ConnectionString = PostgresClusterTables.ConnectionStringFor(store),
            SiloPort = 0, GatewayPort = 0, AdvertisedAddress = "127.0.0.1",
        };
        this.options = options with { DataDirectory = Path.Combine(Path.GetTempPath(), $"mnas-silos-{Guid.NewGuid():N}") };
    }

    /// <summary>A new migrated database; <paramref name="options"/> for every silo (its data directory is the cluster's own).</summary>
    public static async Task<PostgresSilos> CreateAsync(RuntimeOptions options) =>
        new(await PostgresTestServer.CreateMigratedDatabaseAsync(), options);

    public Task<CampaignHost> StartControllerAsync(IChildRunner trainer) =>
        CampaignHost.StartAsync(options with { Workers = 0 }, _ => trainer,
            async cancellation => await PostgresCampaignStore.OpenAsync(store, cancellation), cluster: cluster);

    public Task<CampaignHost> StartWorkerAsync(int slots, IChildRunner trainer) =>
        CampaignHost.StartAsync(options with { Workers = slots, Coordinates = false }, _ => trainer, cluster: cluster);

    public async ValueTask DisposeAsync()
    {
        await database.DisposeAsync();
        if (Directory.Exists(options.DataDirectory))
        {
            Directory.Delete(options.DataDirectory, recursive: true);
        }
    }
}
