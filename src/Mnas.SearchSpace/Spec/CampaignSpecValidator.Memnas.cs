using Mnas.SearchSpace.Space;
using Mnas.SearchSpace.Validation;

namespace Mnas.SearchSpace.Spec;

/// <summary>
/// The checks of the memory reward (<c>reward.kind</c>, <c>memory_lambda</c>, <c>memory_reference</c>,
/// <c>reference_accuracy</c>) and of the <c>memnas</c> section, each under its path (<c>memnas.top_k: …</c>). A network named
/// by a section (<c>memnas.base</c>, <c>reward.memory_reference</c>) must be a sample of the spec's space; it is looked up
/// only when the search space, skeleton and target are sound, so that one mistake makes one problem, and only where it is
/// read: the reference when the reward is <c>memory</c>, the base when the spec sets the memnas section (for a memnas
/// campaign whose section is at its defaults, <see cref="ValidateMemnasCampaign"/>).
/// </summary>
public sealed partial class CampaignSpecValidator
{
    private static readonly MemnasSpec DefaultMemnas = new();

    /// <summary>
    /// <see cref="Validate"/>'s problems for a spec a memnas campaign runs, with <c>memnas.base</c> looked up in the space even
    /// when the section is at its defaults (<see cref="Validate"/> leaves a default section alone: other strategies never
    /// read it, and <c>mobilenet_v2</c> is no sample of a space without MobileNetV2's choices).
    /// </summary>
    public IReadOnlyList<SpecProblem> ValidateMemnasCampaign(CampaignSpec spec)
    {
        var problems = Validate(spec);
        if (spec.Memnas != DefaultMemnas || problems.Any(p => IsSpacePath(p.Path)))
        {
            return problems;
        }

        var list = new ProblemList();
        list.AddRange(problems);
        NamedSample(spec, "memnas.base", spec.Memnas.Base, list);
        return list.Items;
    }

    private static void ValidateMemoryReward(CampaignSpec spec, bool spaceSound, ProblemList problems)
    {
        var reward = spec.Reward;
        if (problems.NotNull("reward.kind", reward.Kind) && !RewardSpec.Kinds.Contains(reward.Kind))
        {
            problems.Add("reward.kind", $"unknown reward kind {ProblemList.Quoted(reward.Kind)} (known: {string.Join(", ", RewardSpec.Kinds)})");
        }

        Check(problems, "reward.memory_lambda", reward.MemoryLambda);
        if (problems.NotNull("reward.memory_reference", reward.MemoryReference) && spaceSound && reward.Kind == RewardSpec.MemoryKind)
        {
            NamedSample(spec, "reward.memory_reference", reward.MemoryReference, problems);
        }

        Check(problems, "reward.reference_accuracy", reward.ReferenceAccuracy);
    }

    private static void ValidateMemnas(CampaignSpec spec, bool spaceSound, ProblemList problems)
    {
        var memnas = spec.Memnas;
        if (problems.NotNull("memnas.base", memnas.Base) && spaceSound && memnas != DefaultMemnas)
        {
            NamedSample(spec, "memnas.base", memnas.Base, problems);
        }

        Check(problems, "memnas.rounds", memnas.Rounds);
        Check(problems, "memnas.top_k", memnas.TopK);
        Check(problems, "memnas.patience", memnas.Patience);
        Check(problems, "memnas.hidden_units", memnas.HiddenUnits);
        Check(problems, "memnas.controller_epochs", memnas.ControllerEpochs);
        Check(problems, "memnas.controller_learning_rate", memnas.ControllerLearningRate);
    }

    /// <summary>Reports why <paramref name="name"/> names no sample of the spec's space (<see cref="NamedSamples"/>), if it names none.</summary>
    private static void NamedSample(CampaignSpec spec, string path, string name, ProblemList problems)
    {
        if (NamedSamples.Problem(ModelSpace.Unchecked(spec), name) is { } problem)
        {
            problems.Add(path, problem);
        }
    }

    private static bool IsSpacePath(string path) =>
        path.Split('.', '[')[0] is "search_space" or "skeleton" or "target";
}
