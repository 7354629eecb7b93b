using System.Collections.Concurrent;
using System.Diagnostics.Metrics;

namespace Mnas.Metrics;

/// <summary>
/// Listens to the instruments of <see cref="MnasMeter"/> from its creation on and aggregates what they measure;
/// <see cref="Collect"/> observes the observable ones and returns every metric as a family, ordered by name. Create it
/// before the components whose counts it should see start.
/// </summary>
public sealed class MetricsCollector : IDisposable
{
    private readonly MeterListener listener = new();
    private readonly ConcurrentDictionary<Instrument, InstrumentAggregate> aggregates = new();
    private readonly object collecting = new();

    public MetricsCollector(string meterName = MnasMeter.Name)
    {
        ProcessMetrics.Register();
        listener.InstrumentPublished = (instrument, self) =>
        {
            if (instrument.Meter.Name == meterName)
            {
                aggregates.TryAdd(instrument, new InstrumentAggregate(instrument));
                self.EnableMeasurementEvents(instrument);
            }
        };
        listener.MeasurementsCompleted = (instrument, _) => aggregates.TryRemove(instrument, out InstrumentAggregate? _);
        listener.SetMeasurementEventCallback<double>((instrument, value, tags, _) => Record(instrument, value, tags));
        listener.SetMeasurementEventCallback<float>((instrument, value, tags, _) => Record(instrument, value, tags));
        listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) => Record(instrument, value, tags));
        listener.SetMeasurementEventCallback<int>((instrument, value, tags, _) => Record(instrument, value, tags));
        listener.Start();
    }

    /// <summary>Every metric now, observable instruments observed afresh; families with the same name (one instrument created twice) are merged.</summary>
    public IReadOnlyList<MetricFamily> Collect()
    {
        lock (collecting)
        {
            foreach (var aggregate in aggregates.Values.Where(a => a.Instrument.IsObservable))
            {
                aggregate.ClearObservations();
            }

            listener.RecordObservableInstruments();
            return aggregates.Values.Select(a => a.ToFamily())
                .GroupBy(f => f.Name, StringComparer.Ordinal)
                .Select(g => g.First() with { Samples = g.SelectMany(f => f.Samples).ToList() })
                .OrderBy(f => f.Name, StringComparer.Ordinal)
                .ToList();
        }
    }

    /// <summary>Every metric now in the text exposition format.</summary>
    public string CollectText() => MetricsTextWriter.Write(Collect());

    private void Record(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        if (aggregates.TryGetValue(instrument, out var aggregate))
        {
            aggregate.Record(value, tags);
        }
    }

    public void Dispose() => listener.Dispose();
}
