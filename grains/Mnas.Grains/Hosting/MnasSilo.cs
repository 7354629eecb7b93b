using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Mnas.Grains.Campaigns;
using Mnas.Grains.Workers;
using Mnas.Store.Postgres;
using Orleans.Configuration;
using Orleans.Hosting;
using Orleans.Metadata;
using Orleans.Runtime.MembershipService.SiloMetadata;

namespace Mnas.Grains.Hosting;

/// <summary>A silo of the campaign runtime: its clustering, reminders, failure detection, metadata and the grains its role hosts.</summary>
public static class MnasSilo
{
    /// <summary>The largest message between silos: 1 GiB, so that a large supernet's state passes (see its use).</summary>
    public const int MaxMessageBodySize = 1 << 30;

    public static ISiloBuilder ConfigureMnas(this ISiloBuilder silo, SiloRole role, ClusterSettings cluster, RuntimeOptions runtime)
    {
        cluster.ThrowIfInvalid();
        if (cluster.Membership == ClusterSettings.Postgres)
        {
            silo.Configure<ClusterOptions>(o => (o.ClusterId, o.ServiceId) = (cluster.ClusterId, cluster.ServiceId));
            silo.UseAdoNetClustering(o => (o.Invariant, o.ConnectionString) = (PostgresClusterTables.Invariant, cluster.ConnectionString));
            silo.UseAdoNetReminderService(o => (o.Invariant, o.ConnectionString) = (PostgresClusterTables.Invariant, cluster.ConnectionString));
            var address = cluster.AdvertisedAddress is { } advertised ? IPAddress.Parse(advertised) : null;
            if (address != null)
            {
                silo.ConfigureEndpoints(address, cluster.SiloPort, cluster.GatewayPort, listenOnAnyHostAddress: true);
            }
            else
            {
                silo.ConfigureEndpoints(cluster.SiloPort, cluster.GatewayPort, listenOnAnyHostAddress: true);
            }
        }
        else
        {
            silo.UseLocalhostClustering(cluster.SiloPort, cluster.GatewayPort, serviceId: cluster.ServiceId, clusterId: cluster.ClusterId);
            silo.UseInMemoryReminderService();
        }
        if (cluster.Kubernetes)
        {
            silo.UseKubernetesHosting();
        }
        silo.Configure<ClusterMembershipOptions>(o =>
        {
            o.ProbeTimeout = cluster.ProbeTimeout;
            o.NumMissedProbesLimit = cluster.MissedProbesLimit;
            o.TableRefreshTimeout = TimeSpan.FromSeconds(2);
            o.IAmAliveTablePublishTimeout = TimeSpan.FromSeconds(10);
            o.DeathVoteExpirationTimeout = TimeSpan.FromSeconds(30);
        });
        // A supernet's epoch carries the whole search state (every candidate's weights and their momentum) from its worker
        // to its campaign; a MobileNetV2-sized supernet's passes the default limit of 100 MB.
        silo.Configure<SiloMessagingOptions>(o => o.MaxMessageBodySize = MaxMessageBodySize);
        // The strongly consistent directory hands a dead silo's range over and recovers it from the live silos'
        // activations; the default one deactivates every activation whose entry the dead silo held, so a worker's
        // death would stop campaigns running on a controller silo.
#pragma warning disable ORLEANSEXP003
        silo.AddDistributedGrainDirectory();
#pragma warning restore ORLEANSEXP003
        silo.UseSiloMetadata(new Dictionary<string, string>
        {
            [SiloMetadataKeys.Role] = role.ToString().ToLowerInvariant(),
            [SiloMetadataKeys.DeviceClass] = role == SiloRole.Controller ? "" : runtime.DeviceClass,
            [SiloMetadataKeys.Device] = role == SiloRole.Controller ? "" : runtime.Device,
            [SiloMetadataKeys.Slots] = role == SiloRole.Controller ? "0" : runtime.Workers.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });
        silo.Services.Configure<GrainTypeOptions>(o =>
        {
            if (role == SiloRole.Worker)
            {
                o.Classes.Remove(typeof(CampaignGrain));
                o.Classes.Remove(typeof(WorkerDirectoryGrain));
            }
            if (role == SiloRole.Controller)
            {
                o.Classes.Remove(typeof(WorkerGrain));
            }
        });
        silo.Services.AddSingleton(runtime);
        silo.Services.AddSingleton<CampaignLaunches>();
        silo.Services.AddSingleton<LocalWorkers>();
        return silo;
    }
}
