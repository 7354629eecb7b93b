using Mnas.SearchSpace.Architectures;
using Mnas.SearchSpace.Space;
using Mnas.SearchSpace.Spec;
using Mnas.SearchSpace.Tests.Support;

namespace Mnas.SearchSpace.Tests.Architectures;

public class ArchitectureFileTests
{
    [Theory]
    [InlineData("mobilenet_v2")]
    [InlineData("mnasnet_a1")]
    public void a_builtin_saves_and_loads_back_equal(string name)
    {
        using var dir = new TempDirectory();
        var path = dir.File(name + ".json");

        ArchitectureFile.Save(BuiltinArchitectures.ByName[name], path);

        Assert.Equal(BuiltinArchitectures.ByName[name], ArchitectureFile.Load(path));
    }

    [Fact]
    public void a_frozen_sample_round_trips_through_json()
    {
        var space = new ModelSpace(new CampaignSpec());
        var architecture = space.Freeze(space.Random(new Random(21)));

        Assert.Equal(architecture, ArchitectureFile.FromJson(ArchitectureFile.ToJson(architecture)));
    }

    [Fact]
    public void keys_are_snake_case_and_enums_lower_case_strings()
    {
        var json = ArchitectureFile.ToJson(BuiltinArchitectures.MnasNetA1);

        Assert.Contains("\"stem_channels\": 32", json);
        Assert.Contains("\"head_channels\": 1280", json);
        Assert.Contains("\"se_ratio\": 0.25", json);
        Assert.Contains("\"op\": \"depthwiseconv\"", json);
        Assert.Contains("\"op\": \"mbconv\"", json);
        Assert.Contains("\"skip\": \"identity\"", json);
        Assert.Contains("\"activation\": \"relu\"", json);
        Assert.Contains("\"input\": {\n    \"channels\": 3,\n    \"height\": 224,\n    \"width\": 224\n  }", json);
    }

    [Fact]
    public void activation_and_dropout_may_be_left_out()
    {
        var architecture = ArchitectureFile.FromJson("""
            {
              "name": "tiny", "input": {"channels": 1, "height": 28, "width": 28}, "classes": 10,
              "stem_channels": 8, "stem_stride": 1, "head_channels": 64,
              "blocks": [{"op": "conv", "expansion": 1, "kernel": 3, "se_ratio": 0, "skip": "none", "channels": 8, "layers": 1, "stride": 2}]
            }
            """);

        Assert.Equal(
            new Architecture("tiny", new InputShape(1, 28, 28), 10, 8, 1, [new BlockSpec(ConvOp.Conv, 1, 3, 0, SkipOp.None, 8, 1, 2)], 64, Activation.ReLU, 0.2),
            architecture);
    }
}
