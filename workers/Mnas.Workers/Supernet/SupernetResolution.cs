using Mnas.SearchSpace.Architectures;

namespace Mnas.Workers.Supernet;

/// <summary>
/// FBNetV2's input resolutions as whole sub-sampling factors r: at r the child takes every r-th row and column of the
/// input, ⌈H/r⌉ × ⌈W/r⌉ pixels (nearest-neighbour down-sampling); 1 is the full input.
/// </summary>
public static class SupernetResolution
{
    /// <summary>The architecture at a factor: the same layers on the input down-sampled by it (its name unchanged).</summary>
    public static Architecture Apply(Architecture target, int factor)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(factor, 1);
        var input = target.Input;
        return factor == 1
            ? target
            : target with { Input = input with { Height = (int)ResolutionMasking.Kept(input.Height, factor), Width = (int)ResolutionMasking.Kept(input.Width, factor) } };
    }

    /// <summary>The child's name with its factor, as a supernet's children are named (<c>…/r2</c>).</summary>
    public static string Name(string name, int factor) => name + Mnas.SearchSpace.Supernet.SupernetChildName.ResolutionSuffix(factor);

    /// <summary>Refuses factors that are not distinct whole numbers from 1, or that leave out 1 (the full input).</summary>
    public static IReadOnlyList<int> Check(IReadOnlyList<int> factors, string paramName)
    {
        if (factors.Count == 0 || factors.Any(f => f < 1) || factors.Distinct().Count() != factors.Count || !factors.Contains(1))
        {
            throw new ArgumentException($"resolutions: distinct sub-sampling factors from 1, 1 (the full input) among them (got [{string.Join(", ", factors)}])",
                paramName);
        }
        return factors.ToArray();
    }
}
