using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Mnas.Metrics;

/// <summary>The process's own gauges: when it started, its working set and the managed heap's size.</summary>
public static class ProcessMetrics
{
    private static int registered;

    /// <summary>Publishes the gauges once per process.</summary>
    public static void Register()
    {
        if (Interlocked.Exchange(ref registered, 1) != 0)
        {
            return;
        }

        var meter = MnasMeter.Instance;
        var started = new DateTimeOffset(Process.GetCurrentProcess().StartTime.ToUniversalTime()).ToUnixTimeMilliseconds() / 1000.0;
        meter.CreateObservableGauge("mnas_process_start_time_seconds", () => started, "s", "When the process started, in seconds since the Unix epoch.");
        meter.CreateObservableGauge("mnas_process_working_set_bytes", () =>
        {
            using var process = Process.GetCurrentProcess();
            return process.WorkingSet64;
        }, "By", "The process's resident memory.");
        meter.CreateObservableGauge("mnas_dotnet_gc_heap_bytes", () => GC.GetTotalMemory(forceFullCollection: false), "By",
            "Bytes allocated on the managed heap now.");
    }
}
