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

            for (var i = 0; i < architecture.Blocks.Count; i++)
            {
                var path = FieldPath.Index("blocks", i);
                if (problems.NotNull(path, architecture.Blocks[i]))
                {
                    ValidateBlock(architecture.Blocks[i], path, problems);
                }
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

    private static void ValidateBlock(BlockSpec block, string path, ProblemList problems)
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
