using Mnas.SearchSpace.Architectures;
using Mnas.SearchSpace.Tests.Support;
using Mnas.SearchSpace.Validation;

namespace Mnas.SearchSpace.Tests.Architectures;

public class ArchitectureFileErrorTests
{
    private static readonly string MobileNetV2Json = ArchitectureFile.ToJson(BuiltinArchitectures.MobileNetV2);

    /// <summary>mobilenet_v2's JSON with the n-th (0-based) occurrence of <paramref name="find"/> replaced.</summary>
    private static string Edited(string find, string replace, int occurrence = 0)
    {
        var at = -1;
        for (var i = 0; i <= occurrence; i++)
        {
            at = MobileNetV2Json.IndexOf(find, at + 1, StringComparison.Ordinal);
        }

        return MobileNetV2Json[..at] + replace + MobileNetV2Json[(at + find.Length)..];
    }

    [Theory]
    [InlineData("\"kernel\": 3", "\"kernel\": 4", 3, "blocks[3].kernel: must be odd (got 4)")]
    [InlineData("\"classes\": 1000", "\"classes\": 0", 0, "classes: must be at least 1 (got 0)")]
    [InlineData("\"height\": 224", "\"height\": -1", 0, "input.height: must be at least 1 (got -1)")]
    [InlineData("\"stride\": 2", "\"stride\": 3", 0, "blocks[1].stride: must be 1 or 2 (got 3)")]
    [InlineData("\"layers\": 1", "\"layers\": 0", 1, "blocks[6].layers: must be at least 1 (got 0)")]
    [InlineData("\"se_ratio\": 0", "\"se_ratio\": 1.5", 2, "blocks[2].se_ratio: must be in [0, 1) (got 1.5)")]
    [InlineData("\"dropout\": 0.2", "\"dropout\": 1", 0, "dropout: must be in [0, 1) (got 1)")]
    [InlineData("\"op\": \"mbconv\"", "\"op\": \"mbconv7\"", 0, "blocks[0].op: unknown value 'mbconv7' (known: conv, depthwiseconv, mbconv)")]
    [InlineData("\"activation\": \"relu6\"", "\"activation\": \"gelu\"", 0, "activation: unknown value 'gelu' (known: relu, relu6, hardswish)")]
    [InlineData("\"skip\": \"identity\"", "\"skip\": 1", 4, "blocks[4].skip: expected one of none, identity, pooling (got 1)")]
    public void a_bad_field_is_named_in_the_error(string find, string replace, int occurrence, string expected)
    {
        var error = Assert.Throws<SpecException>(() => ArchitectureFile.FromJson(Edited(find, replace, occurrence)));

        Assert.Equal([expected], Problems.Lines(error.Problems));
    }

    [Fact]
    public void a_missing_key_is_required_and_an_unknown_key_rejected()
    {
        var json = Edited("\"stride\": 2\n", "\"strides\": 2\n", 1).Replace("\"head_channels\": 1280,", "", StringComparison.Ordinal);

        var error = Assert.Throws<SpecException>(() => ArchitectureFile.FromJson(json));

        Assert.Equal(
            ["blocks[2].strides: unknown key (known: op, expansion, kernel, se_ratio, skip, channels, layers, stride, groups)", "blocks[2].stride: required", "head_channels: required"],
            Problems.Lines(error.Problems));
    }

    [Fact]
    public void an_expansion_other_than_1_for_a_plain_conv_is_rejected()
    {
        var json = Edited("\"op\": \"mbconv\"", "\"op\": \"conv\"", 1);

        var error = Assert.Throws<SpecException>(() => ArchitectureFile.FromJson(json));

        Assert.Equal(["blocks[1].expansion: must be 1 for conv (got 6)"], Problems.Lines(error.Problems));
    }

    [Fact]
    public void loading_a_bad_file_names_the_file_and_every_problem()
    {
        using var dir = new TempDirectory();
        var path = dir.File("bad.json", Edited("\"kernel\": 3", "\"kernel\": 4", 3).Replace("\"classes\": 1000", "\"classes\": 0", StringComparison.Ordinal));

        var error = Assert.Throws<SpecException>(() => ArchitectureFile.Load(path));

        Assert.Equal(path, error.Origin);
        Assert.Equal(
            $"architecture file '{path}' is invalid (2 problems):\n  classes: must be at least 1 (got 0)\n  blocks[3].kernel: must be odd (got 4)",
            error.Message);
    }

    [Fact]
    public void an_invalid_architecture_is_not_saved()
    {
        using var dir = new TempDirectory();
        var path = dir.File("bad.json");

        var error = Assert.Throws<SpecException>(() => ArchitectureFile.Save(BuiltinArchitectures.MobileNetV2 with { Classes = 0 }, path));

        Assert.Equal(["classes: must be at least 1 (got 0)"], Problems.Lines(error.Problems));
        Assert.False(File.Exists(path));
    }

    [Fact]
    public void only_json_architecture_files_are_read()
    {
        using var dir = new TempDirectory();
        var path = dir.File("arch.yaml", "name: x");

        var error = Assert.Throws<SpecException>(() => ArchitectureFile.Load(path));

        Assert.Equal(["unknown file type '.yaml' (expected .json)"], Problems.Lines(error.Problems));
    }
}
