using System.Runtime.InteropServices;

namespace Mnas.Torch.Interop;

/// <summary>
/// The engine's memory tuning. glibc's default malloc hands every large tensor fresh mmap'd pages
/// and returns them on free, so each training step page-faults its activations again; keeping
/// freed memory in the process makes small-machine training several times faster. The engine
/// applies it itself when the shim loads; <see cref="EnvironmentVariables"/> gives the same
/// settings as glibc's environment variables for other processes.
/// </summary>
public static class AllocatorTuning
{
    /// <summary>Set to "off" to leave glibc's allocator as it is.</summary>
    public const string SwitchVariable = "MNAS_ALLOCATOR_TUNING";

    /// <summary>No allocation is served by mmap: every block comes from the heap and is reused.</summary>
    public const int MmapMax = 0;

    /// <summary>Free memory at the top of the heap is returned to the system only above this size.</summary>
    public const long TrimThresholdBytes = 1L << 30;

    private static int applied;

    public static bool IsApplied => Volatile.Read(ref applied) == 2;

    public static IReadOnlyDictionary<string, string> EnvironmentVariables { get; } = new Dictionary<string, string>
    {
        ["MALLOC_MMAP_MAX_"] = MmapMax.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["MALLOC_TRIM_THRESHOLD_"] = TrimThresholdBytes.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    internal static unsafe void ApplyOnce(IntPtr library)
    {
        if (Interlocked.CompareExchange(ref applied, 1, 0) != 0)
        {
            return;
        }
        if (string.Equals(Environment.GetEnvironmentVariable(SwitchVariable), "off", StringComparison.OrdinalIgnoreCase))
        {
            return;
        }
        var tune = (delegate* unmanaged<int, long, int>)NativeLibrary.GetExport(library, "mnas_tune_allocator");
        if (tune(MmapMax, TrimThresholdBytes) == 0)
        {
            Volatile.Write(ref applied, 2);
        }
    }
}
