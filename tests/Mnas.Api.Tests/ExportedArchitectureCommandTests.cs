using Mnas.SearchSpace.Tests.Architectures;

namespace Mnas.Api.Tests;

/// <summary>
/// <c>mnas cost --arch FILE</c> as a real process reads an architecture.json that <c>mnas export</c> wrote before
/// layouts were versioned, and refuses one of a version newer than it knows, naming the file and the field.
/// </summary>
public sealed class ExportedArchitectureCommandTests : IDisposable
{
    private readonly string directory = Directory.CreateTempSubdirectory("mnas-arch-").FullName;

    public void Dispose() => Directory.Delete(directory, recursive: true);

    [Fact(Timeout = 120_000)]
    public async Task an_architecture_json_exported_before_format_versions_still_loads()
    {
        var path = Path.Combine(directory, "architecture.json");
        File.WriteAllText(path, OldArchitectureFiles.WrittenBeforeVersions);

        var (exitCode, output) = await MnasCommand.RunAsync("cost", [], "--arch", path);

        Assert.True(exitCode == 0, output);
        Assert.Contains("arch=b1.op=mbconv6 b1.kernel=3 b1.se=0.25 b1.skip=identity b1.width=1.0 b1.layers=+1", output);
    }

    [Fact(Timeout = 120_000)]
    public async Task an_architecture_json_of_a_newer_format_version_is_refused_naming_the_file_and_the_field()
    {
        var path = Path.Combine(directory, "architecture.json");
        File.WriteAllText(path, OldArchitectureFiles.WrittenBeforeVersions.Replace("{\n  \"name\"", "{\n  \"format_version\": 2,\n  \"name\"", StringComparison.Ordinal));

        var (exitCode, output) = await MnasCommand.RunAsync("cost", [], "--arch", path);

        Assert.True(exitCode == 2, output);
        Assert.Contains($"architecture file '{path}' is invalid", output);
        Assert.Contains("format_version: version 2 is newer than this mnas reads (up to 1)", output);
    }
}
