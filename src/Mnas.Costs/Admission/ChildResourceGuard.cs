using System.Globalization;
using Mnas.SearchSpace.Spec;
using Mnas.SearchSpace.Validation;

namespace Mnas.Costs.Admission;

/// <summary>
/// Refuses a spec whose largest child (<see cref="LargestChild"/>) would pass a <see cref="ChildResourceLimits"/>
/// limit, before the campaign is stored: every problem names the limit's setting, the limit and the estimate.
/// </summary>
public static class ChildResourceGuard
{
    /// <summary>The path a guard's problem carries: the space as a whole, not one field of it.</summary>
    public const string ProblemPath = "";

    /// <summary>The limits <paramref name="spec"/> (already valid field by field) passes; empty when it passes none.</summary>
    public static IReadOnlyList<SpecProblem> Check(CampaignSpec spec, ChildResourceLimits limits)
    {
        ArgumentNullException.ThrowIfNull(limits);
        LargestChildEstimate estimate;
        try
        {
            estimate = LargestChild.Estimate(spec);
        }
        catch (OverflowException)
        {
            return [new SpecProblem(ProblemPath, "the largest child this space can produce is too large to count (its costs pass 2^63): " +
                "shrink the skeleton's channels, the widths, the layers or the input")];
        }

        var problems = new List<SpecProblem>();
        void Over(long estimated, long limit, string setting, string what)
        {
            if (estimated > limit)
            {
                problems.Add(new SpecProblem(ProblemPath,
                    $"the largest child this space can produce has {Text(estimated)} {what}, above {setting} ({Text(limit)})"));
            }
        }

        Over(estimate.Params, limits.MaxParams, ChildResourceLimits.MaxParamsSetting, "parameters");
        Over(estimate.TargetMacs, limits.MaxMacs, ChildResourceLimits.MaxMacsSetting, "multiply-adds per image at the target view");
        Over(estimate.ProxyMacs, limits.MaxMacs, ChildResourceLimits.MaxMacsSetting, "multiply-adds per image at the proxy view");
        Over(estimate.TargetPeakActivationBytes, limits.MaxActivationBytes, ChildResourceLimits.MaxActivationBytesSetting,
            "bytes of peak activations for one image at the target view");
        Over(estimate.ProxyBatchActivationBytes, limits.MaxActivationBytes, ChildResourceLimits.MaxActivationBytesSetting,
            $"bytes of peak activations for one training batch of {spec.Proxy.BatchSize} at the proxy view");
        return problems;
    }

    private static string Text(long value) => value.ToString("N0", CultureInfo.InvariantCulture);
}
