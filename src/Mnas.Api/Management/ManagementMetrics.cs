using Mnas.Metrics;
using OpenTelemetry;
using OpenTelemetry.Metrics;

namespace Mnas.Api.Management;

/// <summary>
/// What the management listener's <c>/metrics</c> serves: every instrument of the meters in <see cref="Meters"/> (Mnas'
/// own, with the process's gauges of <see cref="ProcessMetrics"/>, and Orleans'), aggregated by OpenTelemetry from the
/// moment this is created and exported by its Prometheus exporter. Create it before the components whose measurements
/// it should count start; an instrument created later (a silo's, say) is exported from its creation on.
/// </summary>
/// <remarks>
/// Orleans' instruments are exported through <see cref="BaseUnitMirror"/>, which publishes them again in base units with
/// snake_case tags, as promtool's lint wants them; the originals are dropped.
/// </remarks>
public sealed class ManagementMetrics : IDisposable
{
    /// <summary>The meter Orleans publishes its instruments on (activations, messages, membership…), in silos and clients.</summary>
    public const string OrleansMeter = "Microsoft.Orleans";

    private readonly BaseUnitMirror orleans = new(OrleansMeter);

    public ManagementMetrics()
    {
        ProcessMetrics.Register();
        Provider = Sdk.CreateMeterProviderBuilder()
            .AddMeter([.. Meters, orleans.MeterName])
            .AddView(instrument => orleans.Replaces(instrument) ? MetricStreamConfiguration.Drop : null)
            .AddPrometheusExporter(options =>
            {
                // Every scrape collects afresh: observable gauges show what they observe now.
                options.ScrapeResponseCacheDurationMilliseconds = 0;
                // The series are the instruments' own, labelled by their tags alone, and nothing else is exported.
                options.ScopeInfoEnabled = false;
                options.TargetInfoEnabled = false;
            })
            .Build();
    }

    /// <summary>The meters exported, by name.</summary>
    public static IReadOnlyList<string> Meters { get; } = [MnasMeter.Name, OrleansMeter];

    /// <summary>The provider whose Prometheus exporter <c>/metrics</c> reads.</summary>
    internal MeterProvider Provider { get; }

    public void Dispose()
    {
        Provider.Dispose();
        orleans.Dispose();
    }
}
