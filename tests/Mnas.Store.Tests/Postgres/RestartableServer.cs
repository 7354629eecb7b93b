using System.Net;
using System.Net.Sockets;

namespace Mnas.Store.Tests.Postgres;

/// <summary>
/// A PostgreSQL server of its own for tests that stop and start it: <c>scripts/postgres.sh</c>
/// with a temporary data directory and a free port, so that the server other tests share is never
/// restarted under them. Removed when disposed. It needs PostgreSQL's binaries on this machine
/// even when <c>MNAS_TEST_POSTGRES</c> names a server elsewhere.
/// </summary>
public sealed class RestartableServer : IAsyncLifetime
{
    private readonly string _dataDirectory = Path.Combine(Path.GetTempPath(), $"mnas-pg-{Guid.NewGuid():N}");
    private readonly Dictionary<string, string> _environment = [];

    public string ConnectionString { get; private set; } = "";

    public async Task InitializeAsync()
    {
        _environment["MNAS_PG_DIR"] = _dataDirectory;
        _environment["MNAS_PG_PORT"] = FreePort().ToString(System.Globalization.CultureInfo.InvariantCulture);
        await StartAsync();
        ConnectionString = await PostgresScript.RunAsync("url", _environment);
    }

    public Task StartAsync() => PostgresScript.RunAsync("start", _environment);

    public Task StopAsync() => PostgresScript.RunAsync("stop", _environment);

    public async Task DisposeAsync()
    {
        try
        {
            await StopAsync();
        }
        finally
        {
            if (Directory.Exists(_dataDirectory))
            {
                Directory.Delete(_dataDirectory, recursive: true);
            }

            File.Delete(_dataDirectory + ".lock");
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
