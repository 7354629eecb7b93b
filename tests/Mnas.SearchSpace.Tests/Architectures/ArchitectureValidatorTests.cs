using Mnas.SearchSpace.Architectures;
using Mnas.SearchSpace.Tests.Support;

namespace Mnas.SearchSpace.Tests.Architectures;

public class ArchitectureValidatorTests
{
    [Fact]
    public void the_builtins_are_valid()
    {
        Assert.Empty(ArchitectureValidator.Instance.Validate(BuiltinArchitectures.MobileNetV2));
        Assert.Empty(ArchitectureValidator.Instance.Validate(BuiltinArchitectures.MnasNetA1));
    }

    [Fact]
    public void every_problem_of_an_architecture_is_named_by_its_field()
    {
        var blocks = BuiltinArchitectures.MobileNetV2.Blocks.ToArray();
        blocks[0] = blocks[0] with { Op = (ConvOp)9, Channels = 0 };
        blocks[5] = blocks[5] with { Kernel = 0, Skip = (SkipOp)7 };
        var architecture = BuiltinArchitectures.MobileNetV2 with { Name = "", Blocks = blocks, StemChannels = -1, Activation = (Activation)5 };

        Assert.Equal(
            [
                "name: must not be empty",
                "stem_channels: must be at least 1 (got -1)",
                "blocks[0].op: unknown value 9 (known: conv, depthwiseconv, mbconv)",
                "blocks[0].channels: must be at least 1 (got 0)",
                "blocks[5].kernel: must be at least 1 (got 0)",
                "blocks[5].skip: unknown value 7 (known: none, identity, pooling)",
                "activation: unknown value 5 (known: relu, relu6, hardswish)",
            ],
            Problems.Lines(ArchitectureValidator.Instance.Validate(architecture)));
    }

    [Fact]
    public void an_architecture_without_blocks_is_invalid()
    {
        var architecture = BuiltinArchitectures.MobileNetV2 with { Blocks = [] };

        Assert.Equal(["blocks: must have at least one block"], Problems.Lines(ArchitectureValidator.Instance.Validate(architecture)));
    }
}
