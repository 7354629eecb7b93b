using System.Text.Json;
using Mnas.SearchSpace.Architectures;
using Mnas.SearchSpace.Tests.Support;
using Mnas.SearchSpace.Validation;

namespace Mnas.SearchSpace.Tests.Architectures;

/// <summary>Architecture files carry <c>format_version</c>; files written before it still load, newer ones are refused.</summary>
public class ArchitectureFileVersionTests
{
    private static readonly Architecture Tiny = new("tiny", new InputShape(1, 28, 28), 10, 8, 1,
        [new BlockSpec(ConvOp.MBConv, 6, 3, 0.25, SkipOp.Identity, 8, 2, 1)], 64, Activation.ReLU6, 0.1);

    [Fact]
    public void a_file_is_written_with_format_version_1_as_its_first_key()
    {
        var json = ArchitectureFile.ToJson(Tiny);

        Assert.StartsWith("{\n  \"format_version\": 1,\n  \"name\": \"tiny\",", json);
        Assert.Equal(1, JsonDocument.Parse(json).RootElement.GetProperty("format_version").GetInt32());
    }

    [Fact]
    public void a_file_with_its_format_version_loads_back_equal()
    {
        using var directory = new TempDirectory();
        var path = directory.File("architecture.json");

        ArchitectureFile.Save(Tiny, path);

        Assert.Contains("\"format_version\": 1", File.ReadAllText(path));
        Assert.Equal(Tiny, ArchitectureFile.Load(path));
    }

    [Fact]
    public void a_file_written_before_format_versions_loads_as_version_1_and_saves_in_the_current_layout()
    {
        using var directory = new TempDirectory();
        var path = directory.File("architecture.json", OldArchitectureFiles.WrittenBeforeVersions);

        var architecture = ArchitectureFile.Load(path);

        Assert.Equal("b1.op=mbconv6 b1.kernel=3 b1.se=0.25 b1.skip=identity b1.width=1.0 b1.layers=+1", architecture.Name);
        Assert.Equal(new InputShape(3, 32, 32), architecture.Input);
        Assert.Equal([new BlockSpec(ConvOp.MBConv, 6, 3, 0.25, SkipOp.Identity, 16, 2, 1)], architecture.Blocks);
        var saved = ArchitectureFile.ToJson(architecture);
        Assert.StartsWith("{\n  \"format_version\": 1,", saved);
        Assert.Equal(architecture, ArchitectureFile.FromJson(saved));
    }

    [Fact]
    public void a_format_version_above_the_current_one_is_refused_naming_the_file_and_the_field()
    {
        using var directory = new TempDirectory();
        var path = directory.File("architecture.json", ArchitectureFile.ToJson(Tiny).Replace("\"format_version\": 1", "\"format_version\": 2"));

        var error = Assert.Throws<SpecException>(() => ArchitectureFile.Load(path));

        Assert.Equal(path, error.Origin);
        Assert.Contains($"'{path}'", error.Message);
        Assert.Equal(["format_version: version 2 is newer than this mnas reads (up to 1); read it with a newer mnas"], Problems.Lines(error.Problems));
    }

    [Theory]
    [InlineData("0")]
    [InlineData("1.5")]
    [InlineData("\"1\"")]
    public void a_format_version_that_is_not_a_whole_number_from_1_is_refused(string version)
    {
        var json = ArchitectureFile.ToJson(Tiny).Replace("\"format_version\": 1", $"\"format_version\": {version}");

        var error = Assert.Throws<SpecException>(() => ArchitectureFile.FromJson(json, "sent.json"));

        Assert.Equal([$"format_version: expected a whole number from 1 (got {version})"], Problems.Lines(error.Problems));
    }

    [Fact]
    public void text_is_written_as_plain_utf8_with_only_what_json_requires_escaped()
    {
        var json = ArchitectureFile.ToJson(Tiny with { Name = "réseau b1.layers=+1 <x> & 'y' \"z\"" });

        Assert.Contains("\"name\": \"réseau b1.layers=+1 <x> & 'y' \\\"z\\\"\"", json);
        Assert.DoesNotContain("\\u", json);
    }
}
