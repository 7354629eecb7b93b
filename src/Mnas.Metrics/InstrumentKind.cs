using System.Diagnostics.Metrics;

namespace Mnas.Metrics;

/// <summary>How an instrument's measurements aggregate: summed (counters), set (gauges), or counted into buckets (histograms).</summary>
internal enum InstrumentKind
{
    Counter,
    Gauge,
    Histogram,
}

internal static class InstrumentKinds
{
    public static InstrumentKind Of(Instrument instrument)
    {
        var type = instrument.GetType();
        var generic = type.IsGenericType ? type.GetGenericTypeDefinition() : type;
        if (generic == typeof(Counter<>) || generic == typeof(ObservableCounter<>))
        {
            return InstrumentKind.Counter;
        }

        return generic == typeof(Histogram<>) ? InstrumentKind.Histogram : InstrumentKind.Gauge;
    }

    /// <summary>The exposition type of the kind.</summary>
    public static string TypeName(InstrumentKind kind) => kind switch
    {
        InstrumentKind.Counter => "counter",
        InstrumentKind.Histogram => "histogram",
        _ => "gauge",
    };
}
