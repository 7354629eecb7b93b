using System.Diagnostics.Metrics;

namespace Mnas.Metrics;

/// <summary>
/// What one instrument measured so far, per set of tags: a running sum (counters and up-down counters), the last
/// observation (observable instruments, renewed at each collection), or bucket counts with a sum (histograms).
/// </summary>
internal sealed class InstrumentAggregate
{
    /// <summary>Upper bounds for histograms that advise none: from 5 ms to 10 s.</summary>
    public static readonly double[] DefaultBuckets = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

    private readonly object gate = new();
    private readonly SortedDictionary<string, Series> series = new(StringComparer.Ordinal);
    private readonly double[] buckets;

    public InstrumentAggregate(Instrument instrument)
    {
        Instrument = instrument;
        Kind = InstrumentKinds.Of(instrument);
        Name = MetricNames.Metric(instrument.Name);
        if (Kind == InstrumentKind.Counter && !Name.EndsWith("_total", StringComparison.Ordinal))
        {
            Name += "_total";
        }

        buckets = (instrument as Histogram<double>)?.Advice?.HistogramBucketBoundaries?.ToArray()
            ?? (instrument as Histogram<long>)?.Advice?.HistogramBucketBoundaries?.Select(b => (double)b).ToArray()
            ?? DefaultBuckets;
    }

    public Instrument Instrument { get; }

    public InstrumentKind Kind { get; }

    public string Name { get; }

    public void Record(double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var labels = Labels(tags);
        var key = string.Join('\u0001', labels.Select(l => l.Key + '\u0002' + l.Value));
        lock (gate)
        {
            if (!series.TryGetValue(key, out var one))
            {
                series[key] = one = new Series(labels, buckets.Length);
            }

            if (Instrument.IsObservable)
            {
                one.Value = value;
            }
            else if (Kind == InstrumentKind.Histogram)
            {
                one.Value += value;
                one.Count++;
                var bucket = Array.FindIndex(buckets, bound => value <= bound);
                if (bucket >= 0)
                {
                    one.Buckets[bucket]++;
                }
            }
            else
            {
                one.Value += value;
            }
        }
    }

    /// <summary>Forgets the last observations of an observable instrument before it is observed again.</summary>
    public void ClearObservations()
    {
        lock (gate)
        {
            series.Clear();
        }
    }

    public MetricFamily ToFamily()
    {
        lock (gate)
        {
            var samples = Kind == InstrumentKind.Histogram
                ? series.Values.SelectMany(HistogramSamples).ToList()
                : series.Values.Select(s => new MetricSample(Name, s.Labels, s.Value)).ToList();
            return new MetricFamily(Name, Instrument.Description ?? Instrument.Name, InstrumentKinds.TypeName(Kind), samples);
        }
    }

    private IEnumerable<MetricSample> HistogramSamples(Series one)
    {
        long cumulative = 0;
        for (var i = 0; i < buckets.Length; i++)
        {
            cumulative += one.Buckets[i];
            yield return new MetricSample(Name + "_bucket", [.. one.Labels, KeyValuePair.Create("le", MetricsTextWriter.Number(buckets[i]))], cumulative);
        }

        yield return new MetricSample(Name + "_bucket", [.. one.Labels, KeyValuePair.Create("le", "+Inf")], one.Count);
        yield return new MetricSample(Name + "_sum", one.Labels, one.Value);
        yield return new MetricSample(Name + "_count", one.Labels, one.Count);
    }

    private static List<KeyValuePair<string, string>> Labels(ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var labels = new List<KeyValuePair<string, string>>(tags.Length);
        foreach (var tag in tags)
        {
            labels.Add(KeyValuePair.Create(MetricNames.Label(tag.Key), Convert.ToString(tag.Value, System.Globalization.CultureInfo.InvariantCulture) ?? ""));
        }

        labels.Sort((a, b) => string.CompareOrdinal(a.Key, b.Key));
        return labels;
    }

    private sealed class Series(IReadOnlyList<KeyValuePair<string, string>> labels, int buckets)
    {
        public IReadOnlyList<KeyValuePair<string, string>> Labels { get; } = labels;

        public double Value { get; set; }

        public long Count { get; set; }

        public long[] Buckets { get; } = new long[buckets];
    }
}
