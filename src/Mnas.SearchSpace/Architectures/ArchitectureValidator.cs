using Mnas.SearchSpace.Spec;
using Mnas.SearchSpace.Validation;

namespace Mnas.SearchSpace.Architectures;

/// <summary>
/// Checks an <see cref="Architecture"/> field by field, with the paths its file uses:
/// <c>blocks[3].kernel: must be odd (got 4)</c>, <c>classes: must be at least 1 (got 0)</c>.
/// </summary>
public sealed class ArchitectureValidator : ISpecValidator<Architecture>
{
    public static ArchitectureValidator Instance { get; } = new();

    public IReadOnlyList<SpecProblem> Validate(Architecture architecture)
    {
        ArgumentNullException.ThrowIfNull(architecture);
        var problems = new ProblemList();
        problems.NotEmpty("name", architecture.Name);
        if (problems.NotNull("input", architecture.Input))
        {
            problems.AtLeast("input.channels", architecture.Input.Channels, 1);
            problems.AtLeast("input.height", architecture.Input.Height, 1);
            problems.AtLeast("input.width", architecture.Input.Width, 1);
        }

        problems.AtLeast("classes", architecture.Classes, 1);
        problems.AtLeast("stem_channels", architecture.StemChannels, 1);
        problems.Stride("stem_stride", architecture.StemStride);
        if (problems.NotNull("blocks", architecture.Blocks))
        {
            if (architecture.Blocks.Count == 0)
            {
                problems.Add("blocks", "must have at least one block");
            }

            int? inChannels = architecture.StemChannels;
            for (var i = 0; i < architecture.Blocks.Count; i++)
            {
                var path = FieldPath.Index("blocks", i);
                if (problems.NotNull(path, architecture.Blocks[i]))
                {
                    ValidateBlock(architecture.Blocks[i], inChannels, path, problems);
                }
                inChannels = architecture.Blocks[i]?.Channels;
            }
        }

        problems.AtLeast("head_channels", architecture.HeadChannels, 1);
        Defined("activation", architecture.Activation, problems);
        problems.Fraction("dropout", architecture.Dropout);
        return problems.Items;
    }

    /// <summary>Throws a <see cref="SpecException"/> listing every problem, if there are any.</summary>
    public void ThrowIfInvalid(Architecture architecture, string? origin = null)
    {
        var problems = Validate(architecture);
        if (problems.Count > 0)
        {
            throw new SpecException("architecture", origin, problems);
        }
    }

    /// <param name="inChannels">The block's first layer's input channels (the previous block's, or the stem's), when known.</param>
    private static void ValidateBlock(BlockSpec block, int? inChannels, string path, ProblemList problems)
    {
        Defined(FieldPath.Field(path, "op"), block.Op, problems);
        if (block.Op is ConvOp.Conv or ConvOp.DepthwiseConv && block.Expansion != 1)
        {
            problems.Add(FieldPath.Field(path, "expansion"), $"must be 1 for {EnumNames<ConvOp>.Name(block.Op)} (got {ProblemList.Text(block.Expansion)})");
        }
        else
        {
            problems.AtLeast(FieldPath.Field(path, "expansion"), block.Expansion, 1);
        }

        problems.OddKernel(FieldPath.Field(path, "kernel"), block.Kernel);
        problems.Fraction(FieldPath.Field(path, "se_ratio"), block.SeRatio);
        Defined(FieldPath.Field(path, "skip"), block.Skip, problems);
        problems.AtLeast(FieldPath.Field(path, "channels"), block.Channels, 1);
        problems.AtLeast(FieldPath.Field(path, "layers"), block.Layers, 1);
        problems.Stride(FieldPath.Field(path, "stride"), block.Stride);
        ValidateGroups(block, inChannels, FieldPath.Field(path, "groups"), problems);
    }

    /// <summary>
    /// Groups only for mbconv, and dividing both 1×1 convolutions' channels: the expansion's Cin → Cin·e and the
    /// projection's Cin·e → Cout, that is Cin (of every layer: the first layer's input, then the block's channels) and
    /// Cout. Not divisible is an error, not a silent fallback to one group.
    /// </summary>
    private static void ValidateGroups(BlockSpec block, int? inChannels, string path, ProblemList problems)
    {
        if (block.Groups < 1)
        {
            problems.AtLeast(path, block.Groups, 1);
        }
        else if (block.Groups > 1 && block.Op != ConvOp.MBConv)
        {
            problems.Add(path, $"must be 1 for {EnumNames<ConvOp>.Name(block.Op)} (got {ProblemList.Text(block.Groups)}): only mbconv's 1×1 convolutions are grouped");
        }
        else if (block.Groups > 1 && (block.Channels % block.Groups != 0 || inChannels is { } cin && cin % block.Groups != 0))
        {
            var channels = inChannels is { } known ? $"{ProblemList.Text(known)} in, {ProblemList.Text(block.Channels)} out" : $"{ProblemList.Text(block.Channels)} out";
            problems.Add(path, $"must divide the layers' input and output channels ({channels}; got {ProblemList.Text(block.Groups)})");
        }
    }

    private static void Defined<T>(string path, T value, ProblemList problems)
        where T : struct, Enum
    {
        if (!Enum.IsDefined(value))
        {
            problems.Add(path, $"unknown value {value} (known: {string.Join(", ", EnumNames<T>.Known)})");
        }
    }
}
