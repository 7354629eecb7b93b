using Mnas.Torch.Interop;

namespace Mnas.Torch.Tests;

public class NativeLibraryLocatorTests : TempDirectoryTest
{
    [Fact]
    public void missing_candidates_throw_dll_not_found_naming_make_native_and_every_path()
    {
        string[] candidates = [PathOf("a/libmnas_torch.so"), PathOf("b/libmnas_torch.so")];
        var error = Assert.Throws<DllNotFoundException>(() => NativeLibraryLocator.Load(candidates));
        Assert.Contains("`make native`", error.Message);
        Assert.Contains(candidates[0], error.Message);
        Assert.Contains(candidates[1], error.Message);
        Assert.Contains(NativeLibraryLocator.PathVariable, error.Message);
    }

    [Fact]
    public void no_candidates_at_all_still_explains_how_to_build()
    {
        var error = Assert.Throws<DllNotFoundException>(() => NativeLibraryLocator.Load([]));
        Assert.Contains("make native", error.Message);
        Assert.Contains("libmnas_torch.so", error.Message);
    }

    [Fact]
    public void a_file_that_is_not_a_library_is_reported_as_unloadable()
    {
        var path = PathOf("libmnas_torch.so");
        File.WriteAllText(path, "not an ELF file");
        var error = Assert.Throws<DllNotFoundException>(() => NativeLibraryLocator.Load([path]));
        Assert.Contains(path, error.Message);
        Assert.Contains("exists but could not be loaded", error.Message);
        Assert.Contains("make native", error.Message);
    }

    [Fact]
    public void the_first_loadable_candidate_wins()
    {
        var real = Path.Combine(AppContext.BaseDirectory, NativeLibraryLocator.FileName);
        Assert.True(File.Exists(real), $"the build should copy the shim next to the tests ({real})");
        var handle = NativeLibraryLocator.Load([PathOf("missing.so"), real]);
        Assert.NotEqual(IntPtr.Zero, handle);
    }

    [Fact]
    public void candidates_start_next_to_the_app_then_walk_up_to_build_native()
    {
        var candidates = NativeLibraryLocator.Candidates().ToList();
        if (!string.IsNullOrEmpty(Environment.GetEnvironmentVariable(NativeLibraryLocator.PathVariable)))
        {
            Assert.Single(candidates);
            return;
        }
        Assert.Equal(Path.Combine(AppContext.BaseDirectory, "libmnas_torch.so"), candidates[0]);
        Assert.All(candidates.Skip(1), c => Assert.EndsWith(Path.Combine("build", "native", "libmnas_torch.so"), c));
        Assert.Equal("/build/native/libmnas_torch.so", candidates[^1]);
    }
}
