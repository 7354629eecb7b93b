using System.Globalization;
using System.Text.RegularExpressions;
using Mnas.Torch;

namespace Mnas.Workers.Devices;

/// <summary>
/// The devices a worker can be asked to run on: <c>cpu</c>, <c>cuda</c> (the first CUDA device) or <c>cuda:N</c>.
/// <see cref="Problem"/> checks the text alone; <see cref="Unavailable"/> asks this process's libtorch.
/// </summary>
public static partial class TorchDevice
{
    public const string Cpu = "cpu";

    // \z, not $: a trailing newline is not part of a device.
    [GeneratedRegex(@"^(cpu|cuda(:(0|[1-9][0-9]{0,5}))?)\z", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();

    /// <summary>Null for a well-formed device; otherwise what is wrong with it, for the caller to prefix with its setting's name.</summary>
    public static string? Problem(string? device) =>
        device != null && Pattern().IsMatch(device) ? null : $"must be cpu, cuda or cuda:N (got '{device}')";

    public static bool IsCuda(string device) => device.StartsWith("cuda", StringComparison.Ordinal);

    /// <summary>The CUDA device's index (<c>cuda</c> means 0).</summary>
    public static int CudaIndex(string device) =>
        device.IndexOf(':', StringComparison.Ordinal) is var colon and > 0 ? int.Parse(device[(colon + 1)..], CultureInfo.InvariantCulture) : 0;

    /// <summary>
    /// Null when this process's libtorch can run on the (well-formed) device; otherwise why not, with what libtorch reported.
    /// </summary>
    public static string? Unavailable(string device)
    {
        if (!IsCuda(device))
        {
            return null;
        }
        var count = torch.cuda.is_available() ? torch.cuda.device_count() : 0;
        if (count == 0)
        {
            return $"{device} asked for, but this libtorch sees 0 CUDA devices (a CPU-only build?)";
        }
        var index = CudaIndex(device);
        return index < count ? null : $"{device} asked for, but this libtorch sees {count} CUDA device(s) (cuda:0 to cuda:{count - 1})";
    }
}
