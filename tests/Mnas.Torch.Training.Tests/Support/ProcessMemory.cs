using System.Globalization;

namespace Mnas.Torch.Training.Tests.Support;

internal static class ProcessMemory
{
    /// <summary>Resident set size of this process in bytes, from VmRSS in /proc/self/status.</summary>
    public static long ResidentBytes()
    {
        foreach (var line in File.ReadLines("/proc/self/status"))
        {
            if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
            {
                var parts = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                Assert.Equal("kB", parts[2]);
                return long.Parse(parts[1], CultureInfo.InvariantCulture) * 1024;
            }
        }
        throw new InvalidOperationException("/proc/self/status has no VmRSS line");
    }
}
