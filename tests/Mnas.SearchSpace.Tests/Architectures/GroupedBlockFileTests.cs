using Mnas.SearchSpace.Architectures;
using Mnas.SearchSpace.Tests.Support;
using Mnas.SearchSpace.Validation;

namespace Mnas.SearchSpace.Tests.Architectures;

public class GroupedBlockFileTests
{
    private static readonly Architecture Tiny = new(
        "tiny", new InputShape(1, 28, 28), 10, StemChannels: 8, StemStride: 1,
        Blocks: [new BlockSpec(ConvOp.MBConv, 1, 3, 0, SkipOp.Identity, 16, 2, 2)],
        HeadChannels: 64);

    /// <summary>The tiny architecture's file as it was written before blocks had groups.</summary>
    private const string TinyAsWrittenBeforeGroups = """
        {
          "format_version": 1,
          "name": "tiny",
          "input": {
            "channels": 1,
            "height": 28,
            "width": 28
          },
          "classes": 10,
          "stem_channels": 8,
          "stem_stride": 1,
          "blocks": [
            {
              "op": "mbconv",
              "expansion": 1,
              "kernel": 3,
              "se_ratio": 0,
              "skip": "identity",
              "channels": 16,
              "layers": 2,
              "stride": 2
            }
          ],
          "head_channels": 64,
          "activation": "relu",
          "dropout": 0.2
        }
        """;

    [Fact]
    public void an_ungrouped_architecture_is_written_byte_for_byte_as_before_groups_were()
    {
        Assert.Equal(TinyAsWrittenBeforeGroups, ArchitectureFile.ToJson(Tiny));
        Assert.DoesNotContain("groups", ArchitectureFile.ToJson(BuiltinArchitectures.MobileNetV2));
        Assert.DoesNotContain("groups", ArchitectureFile.ToJson(BuiltinArchitectures.MnasNetA1));
    }

    [Fact]
    public void a_file_without_groups_reads_as_one_group()
    {
        var read = ArchitectureFile.FromJson(TinyAsWrittenBeforeGroups);

        Assert.Equal(1, read.Blocks[0].Groups);
        Assert.Equal(Tiny, read);
        Assert.Equal(1, ArchitectureFile.FromJson(OldArchitectureFiles.WrittenBeforeVersions).Blocks[0].Groups);
    }

    [Fact]
    public void a_grouped_block_writes_its_groups_after_its_stride_and_reads_back_equal()
    {
        var grouped = Tiny with { Blocks = [Tiny.Blocks[0] with { Groups = 2 }] };

        var json = ArchitectureFile.ToJson(grouped);

        Assert.Equal(TinyAsWrittenBeforeGroups.Replace("\"stride\": 2\n", "\"stride\": 2,\n      \"groups\": 2\n", StringComparison.Ordinal), json);
        var read = ArchitectureFile.FromJson(json);
        Assert.Equal(2, read.Blocks[0].Groups);
        Assert.Equal(grouped, read);
        Assert.NotEqual(Tiny, read);
    }

    [Fact]
    public void groups_of_one_written_by_hand_read_as_the_ungrouped_block()
    {
        var json = TinyAsWrittenBeforeGroups.Replace("\"stride\": 2\n", "\"stride\": 2, \"groups\": 1\n", StringComparison.Ordinal);

        Assert.Equal(Tiny, ArchitectureFile.FromJson(json));
    }

    [Theory]
    [InlineData("0", "blocks[0].groups: must be at least 1 (got 0)")]
    [InlineData("3", "blocks[0].groups: must divide the layers' input and output channels (8 in, 16 out; got 3)")]
    [InlineData("16", "blocks[0].groups: must divide the layers' input and output channels (8 in, 16 out; got 16)")]
    [InlineData("2.5", "blocks[0].groups: expected an integer (got 2.5)")]
    public void bad_groups_in_a_file_are_refused_naming_the_field(string groups, string expected)
    {
        var json = TinyAsWrittenBeforeGroups.Replace("\"stride\": 2\n", $"\"stride\": 2, \"groups\": {groups}\n", StringComparison.Ordinal);

        var error = Assert.Throws<SpecException>(() => ArchitectureFile.FromJson(json));

        Assert.Equal([expected], Problems.Lines(error.Problems));
    }

    [Fact]
    public void groups_are_for_mbconv_and_must_divide_every_layers_channels()
    {
        var architecture = Tiny with
        {
            Blocks =
            [
                new BlockSpec(ConvOp.Conv, 1, 3, 0, SkipOp.Identity, 16, 1, 1, Groups: 2),
                new BlockSpec(ConvOp.DepthwiseConv, 1, 3, 0, SkipOp.Identity, 16, 1, 1, Groups: 2),
                new BlockSpec(ConvOp.MBConv, 6, 3, 0, SkipOp.Identity, 24, 2, 2, Groups: 4),
                new BlockSpec(ConvOp.MBConv, 6, 3, 0, SkipOp.Identity, 36, 1, 1, Groups: 8),
                new BlockSpec(ConvOp.MBConv, 3, 5, 0.25, SkipOp.Pooling, 42, 1, 2, Groups: 4),
            ],
        };

        Assert.Equal(
            [
                "blocks[0].groups: must be 1 for conv (got 2): only mbconv's 1×1 convolutions are grouped",
                "blocks[1].groups: must be 1 for depthwiseconv (got 2): only mbconv's 1×1 convolutions are grouped",
                "blocks[3].groups: must divide the layers' input and output channels (24 in, 36 out; got 8)",
                "blocks[4].groups: must divide the layers' input and output channels (36 in, 42 out; got 4)",
            ],
            Problems.Lines(ArchitectureValidator.Instance.Validate(architecture)));
    }
}
