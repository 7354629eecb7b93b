using Mnas.SearchSpace.Spec;
using Mnas.SearchSpace.Validation;

namespace Mnas.Costs.Admission;

/// <summary>
/// The one check a campaign spec passes before it is stored or run, at every door (the HTTP API, <c>mnas search</c>,
/// <c>submit</c>, <c>demo</c>, <c>resume</c>): every field in its range (<see cref="CampaignSpecValidator"/>), then,
/// for a spec valid field by field, its largest child within <see cref="ChildResourceLimits"/>.
/// </summary>
public static class CampaignContract
{
    /// <summary>
    /// Every problem of <paramref name="spec"/>, by its path in the spec; empty when the spec may be stored. A memnas
    /// campaign's (<paramref name="strategy"/>) first base network must be a sample of the space even when its section is at
    /// its defaults (<see cref="CampaignSpecValidator.ValidateMemnasCampaign"/>).
    /// </summary>
    public static IReadOnlyList<SpecProblem> Check(CampaignSpec spec, ChildResourceLimits limits, string? strategy = null)
    {
        var problems = strategy == MemnasSpec.Strategy
            ? CampaignSpecValidator.Instance.ValidateMemnasCampaign(spec)
            : CampaignSpecValidator.Instance.Validate(spec);
        return problems.Count > 0 ? problems : ChildResourceGuard.Check(spec, limits);
    }

    /// <summary>Throws a <see cref="SpecException"/> listing every problem, if there are any.</summary>
    public static void ThrowIfRefused(CampaignSpec spec, ChildResourceLimits limits, string? origin = null, string? strategy = null)
    {
        var problems = Check(spec, limits, strategy);
        if (problems.Count > 0)
        {
            throw new SpecException("campaign spec", origin, problems);
        }
    }
}
