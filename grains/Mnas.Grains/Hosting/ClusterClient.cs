using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Mnas.Store.Postgres;
using Orleans.Configuration;
using Orleans.Hosting;

namespace Mnas.Grains.Hosting;

/// <summary>
/// A client of the cluster (the API role): it reaches the silos through their gateways — those the membership table in
/// PostgreSQL lists, or <c>cluster.gateways</c> with localhost membership — and keeps trying while none answers.
/// </summary>
public sealed class ClusterClient : IAsyncDisposable
{
    private readonly IHost host;

    private ClusterClient(IHost host) => this.host = host;

    public IGrainFactory Grains => host.Services.GetRequiredService<IClusterClient>();

    /// <summary>Whether <paramref name="cluster"/> names a cluster to reach: postgres membership, or gateways with localhost membership.</summary>
    public static bool Configured(ClusterSettings cluster) => cluster.Membership == ClusterSettings.Postgres || cluster.Gateways.Count > 0;

    public static async Task<ClusterClient> StartAsync(ClusterSettings cluster, CancellationToken cancellation)
    {
        cluster.ThrowIfInvalid();
        if (!Configured(cluster))
        {
            throw new ArgumentException("cluster.gateways: a client with localhost membership needs the gateways to reach");
        }
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.UseOrleansClient(client =>
        {
            client.Configure<ClusterOptions>(o => (o.ClusterId, o.ServiceId) = (cluster.ClusterId, cluster.ServiceId));
            if (cluster.Membership == ClusterSettings.Postgres)
            {
                client.UseAdoNetClustering(o => (o.Invariant, o.ConnectionString) = (PostgresClusterTables.Invariant, cluster.ConnectionString));
            }
            else
            {
                client.UseStaticClustering(cluster.Gateways.Select(g => IPEndPoint.Parse(g)).ToArray());
            }
            // A cluster not up yet (or between silos) is waited for rather than failing the API's start.
            client.UseConnectionRetryFilter(async (_, token) =>
            {
                await Task.Delay(TimeSpan.FromSeconds(1), token);
                return true;
            });
        });
        var host = builder.Build();
        // The client connects in the background: the API serves the store meanwhile.
        _ = host.StartAsync(cancellation);
        return new ClusterClient(host);
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await host.StopAsync(TimeSpan.FromSeconds(5));
        }
        catch (Exception e) when (e is OperationCanceledException or InvalidOperationException)
        {
        }
        host.Dispose();
    }
}
