using System.Reflection;
using System.Runtime.InteropServices;

namespace Mnas.Torch.Interop;

/// <summary>Finds and loads the native shim, and says how to build it when it is missing.</summary>
internal static class NativeLibraryLocator
{
    internal const string LibraryName = "mnas_torch";
    internal const string FileName = "libmnas_torch.so";
    internal const string PathVariable = "MNAS_TORCH_NATIVE";

    // The resolver must be in place before the first native call, whichever type makes it.
#pragma warning disable CA2255
    [System.Runtime.CompilerServices.ModuleInitializer]
#pragma warning restore CA2255
    internal static void Register() =>
        NativeLibrary.SetDllImportResolver(typeof(NativeLibraryLocator).Assembly, Resolve);

    private static IntPtr Resolve(string name, Assembly assembly, DllImportSearchPath? searchPath)
    {
        if (name != LibraryName)
        {
            return IntPtr.Zero;
        }
        var handle = Load(Candidates());
        AllocatorTuning.ApplyOnce(handle);
        return handle;
    }

    internal static IEnumerable<string> Candidates()
    {
        var explicitPath = Environment.GetEnvironmentVariable(PathVariable);
        if (!string.IsNullOrEmpty(explicitPath))
        {
            yield return explicitPath;
            yield break;
        }
        yield return Path.Combine(AppContext.BaseDirectory, FileName);
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir != null; dir = dir.Parent)
        {
            yield return Path.Combine(dir.FullName, "build", "native", FileName);
        }
    }

    internal static IntPtr Load(IEnumerable<string> candidates)
    {
        var looked = new List<string>();
        foreach (var path in candidates)
        {
            looked.Add(path);
            if (!File.Exists(path))
            {
                continue;
            }
            if (NativeLibrary.TryLoad(path, out var handle))
            {
                return handle;
            }
            // The file is there but its dependencies (libtorch) are not.
            try
            {
                NativeLibrary.Load(path);
            }
            catch (DllNotFoundException e)
            {
                throw new DllNotFoundException(
                    $"The Mnas engine's native library {path} exists but could not be loaded: {e.Message}. " +
                    "Install libtorch with `make bootstrap` (Debian's libtorch-dev) and rebuild the shim with `make native`.", e);
            }
        }
        throw new DllNotFoundException(
            $"The Mnas engine's native library {FileName} was not found (looked in: {string.Join(", ", looked)}). " +
            $"Build it with `make native` at the repository root, or point {PathVariable} at the file; " +
            "`make bootstrap` installs what it needs (Debian's libtorch-dev, cmake, g++).");
    }
}
