using System.Diagnostics.Metrics;
using System.Text;
using System.Text.RegularExpressions;

namespace Mnas.Api.Management;

/// <summary>
/// Orleans' instruments in Prometheus' conventions: each is listened to and published again under the same name on
/// a meter of its own (<see cref="MeterName"/>: one per mirror, so that each exporter in a process reads its own), those measured in milliseconds or megabytes in seconds or bytes, every tag key in snake_case
/// (<c>MessageDirection</c> becomes <c>message_direction</c>), each with a description; the exporter drops the originals
/// (<see cref="Replaces"/>).
/// </summary>
/// <remarks>
/// Synchronous instruments are recorded again as each measurement arrives. An observable one is observed when its
/// mirror is: the mirror asks the listener to observe the originals and returns what its own originals reported.
/// Originals of one name and kind (a silo's and a client's in one process) share one mirror.
/// </remarks>
internal sealed partial class BaseUnitMirror : IDisposable
{
    public string MeterName => meter.Name;

    private static readonly Dictionary<string, (string Unit, double Factor)> Conversions = new(StringComparer.Ordinal)
    {
        ["ms"] = ("s", 1e-3),
        ["MB"] = ("By", 1024.0 * 1024.0),
    };

    // Seconds: from a millisecond to a minute.
    private static readonly double[] SecondBuckets = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60];

    private readonly string sourceMeter;
    private readonly Meter meter = new($"Mnas.Orleans.{Guid.NewGuid():N}");
    private readonly MeterListener listener = new();
    private readonly object observing = new();
    private readonly Dictionary<(string Name, Type Kind), Mirrored> mirrors = [];

    public BaseUnitMirror(string sourceMeter)
    {
        this.sourceMeter = sourceMeter;
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (Replaces(instrument))
            {
                l.EnableMeasurementEvents(instrument, Mirror(instrument));
            }
        };
        listener.SetMeasurementEventCallback<byte>((_, value, tags, state) => ((Mirrored)state!).Record(value, tags));
        listener.SetMeasurementEventCallback<short>((_, value, tags, state) => ((Mirrored)state!).Record(value, tags));
        listener.SetMeasurementEventCallback<int>((_, value, tags, state) => ((Mirrored)state!).Record(value, tags));
        listener.SetMeasurementEventCallback<long>((_, value, tags, state) => ((Mirrored)state!).Record(value, tags));
        listener.SetMeasurementEventCallback<float>((_, value, tags, state) => ((Mirrored)state!).Record(value, tags));
        listener.SetMeasurementEventCallback<double>((_, value, tags, state) => ((Mirrored)state!).Record(value, tags));
        listener.SetMeasurementEventCallback<decimal>((_, value, tags, state) => ((Mirrored)state!).Record(value, tags));
        listener.Start();
    }

    /// <summary>Whether the instrument is published again here, and its original is to be dropped.</summary>
    public bool Replaces(Instrument instrument) => instrument.Meter.Name == sourceMeter;

    /// <summary>A tag key as Prometheus' lint wants it: <c>MessageDirection</c> → <c>message_direction</c>.</summary>
    public static string SnakeCase(string key) => IsSnakeCase(key) ? key : UpperAfterLower().Replace(key, "$1_$2").Replace('-', '_').Replace('.', '_').ToLowerInvariant();

    private static bool IsSnakeCase(string key) => SnakeCaseKey().IsMatch(key);

    private Mirrored Mirror(Instrument original)
    {
        lock (mirrors)
        {
            var key = (original.Name, original.GetType());
            if (!mirrors.TryGetValue(key, out var mirrored))
            {
                mirrors[key] = mirrored = NewMirror(original);
            }
            return mirrored;
        }
    }

    private Mirrored NewMirror(Instrument original)
    {
        var (unit, factor) = original.Unit != null && Conversions.TryGetValue(original.Unit, out var conversion) ? conversion : (original.Unit, 1.0);
        var mirrored = new Mirrored(factor);
        var name = original.Name;
        // Orleans' instruments come without descriptions: so that every metric has its help text.
        var description = string.IsNullOrEmpty(original.Description) ? $"{name}, on the meter {sourceMeter}." : original.Description;
        var observe = () => Observe(mirrored);
        mirrored.Instrument = original switch
        {
            _ when IsKind(original, typeof(Counter<>)) => meter.CreateCounter<double>(name, unit, description),
            _ when IsKind(original, typeof(UpDownCounter<>)) => meter.CreateUpDownCounter<double>(name, unit, description),
            _ when IsKind(original, typeof(Histogram<>)) => meter.CreateHistogram(name, unit, description,
                advice: unit == "s" ? new InstrumentAdvice<double> { HistogramBucketBoundaries = SecondBuckets } : null),
            _ when IsKind(original, typeof(Gauge<>)) => meter.CreateGauge<double>(name, unit, description),
            _ when IsKind(original, typeof(ObservableCounter<>)) => meter.CreateObservableCounter(name, observe, unit, description),
            _ when IsKind(original, typeof(ObservableUpDownCounter<>)) => meter.CreateObservableUpDownCounter(name, observe, unit, description),
            _ => meter.CreateObservableGauge(name, observe, unit, description),
        };
        return mirrored;
    }

    private IEnumerable<Measurement<double>> Observe(Mirrored mirrored)
    {
        lock (observing)
        {
            mirrored.Observed.Clear();
            mirrored.Observing = true;
            try
            {
                listener.RecordObservableInstruments();
            }
            finally
            {
                mirrored.Observing = false;
            }
            return mirrored.Observed.ToList();
        }
    }

    private static bool IsKind(Instrument instrument, Type generic) =>
        instrument.GetType().IsGenericType && instrument.GetType().GetGenericTypeDefinition() == generic;

    public void Dispose()
    {
        listener.Dispose();
        meter.Dispose();
    }

    [GeneratedRegex("^[a-z_][a-z0-9_]*$")]
    private static partial Regex SnakeCaseKey();

    [GeneratedRegex("([a-z0-9])([A-Z])")]
    private static partial Regex UpperAfterLower();

    /// <summary>One original's mirror: the factor to its base unit, and what an observation of the original reported.</summary>
    private sealed class Mirrored(double factor)
    {
        public Instrument Instrument { get; set; } = null!;

        public bool Observing { get; set; }

        public List<Measurement<double>> Observed { get; } = [];

        /// <summary>The tags with snake_case keys: the same ones when they are already (most are; no copy then).</summary>
        private static ReadOnlySpan<KeyValuePair<string, object?>> Renamed(ReadOnlySpan<KeyValuePair<string, object?>> tags)
        {
            var needed = false;
            foreach (var tag in tags)
            {
                needed |= !IsSnakeCase(tag.Key);
            }
            if (!needed)
            {
                return tags;
            }
            var renamed = new KeyValuePair<string, object?>[tags.Length];
            for (var i = 0; i < tags.Length; i++)
            {
                renamed[i] = KeyValuePair.Create(SnakeCase(tags[i].Key), tags[i].Value);
            }
            return renamed;
        }

        public void Record<T>(T value, ReadOnlySpan<KeyValuePair<string, object?>> tags) where T : struct, System.Numerics.INumberBase<T>
        {
            // Generic math: no boxing on the path every Orleans measurement takes.
            var converted = double.CreateTruncating(value) * factor;
            var renamed = Renamed(tags);
            switch (Instrument)
            {
                case Counter<double> counter:
                    counter.Add(converted, renamed);
                    break;
                case UpDownCounter<double> upDown:
                    upDown.Add(converted, renamed);
                    break;
                case Histogram<double> histogram:
                    histogram.Record(converted, renamed);
                    break;
                case Gauge<double> gauge:
                    gauge.Record(converted, renamed);
                    break;
                default:
                    if (Observing)
                    {
                        Observed.Add(new Measurement<double>(converted, renamed.ToArray()));
                    }
                    break;
            }
        }
    }
}
