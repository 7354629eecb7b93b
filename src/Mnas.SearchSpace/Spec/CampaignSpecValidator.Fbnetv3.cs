using Mnas.SearchSpace.Contract;
using Mnas.SearchSpace.Validation;

namespace Mnas.SearchSpace.Spec;

/// <summary>
/// The checks of the <c>fbnetv3</c> section: the recipe space (known optimisers, once each; every dimension a range or a
/// list held to its proxy field's range, learning rate and weight decay ranges above 0 for their log scale), the
/// predictor, both stages and the optional constraints, each under its path (<c>fbnetv3.recipe.learning_rate.min: …</c>).
/// </summary>
public sealed partial class CampaignSpecValidator
{
    private static string UnknownOptimizer(string? name) =>
        $"unknown optimizer {ProblemList.Quoted(name)} (known: {string.Join(", ", ProxySpec.Optimizers)})";

    /// <summary>A setting bounded by another (frozen epochs by the predictor's, the pool by a round's children, the top K by
    /// the population) is compared with it only when that one is in its own range, so that one mistake makes one problem.</summary>
    private static void ValidateFbnetv3(Fbnetv3Spec fbnetv3, ProblemList problems)
    {
        if (problems.NotNull("fbnetv3.recipe", fbnetv3.Recipe))
        {
            ValidateRecipeSpace(fbnetv3.Recipe, problems);
        }

        Check(problems, "fbnetv3.hidden_units", fbnetv3.HiddenUnits);
        Check(problems, "fbnetv3.pretrain_architectures", fbnetv3.PretrainArchitectures);
        Check(problems, "fbnetv3.pretrain_epochs", fbnetv3.PretrainEpochs);
        Check(problems, "fbnetv3.predictor_epochs", fbnetv3.PredictorEpochs);
        if (problems.InRange("fbnetv3.frozen_epochs", fbnetv3.FrozenEpochs, Range("fbnetv3.frozen_epochs")) &&
            Range("fbnetv3.predictor_epochs").Contains(fbnetv3.PredictorEpochs) && fbnetv3.FrozenEpochs >= fbnetv3.PredictorEpochs)
        {
            problems.Add("fbnetv3.frozen_epochs",
                $"must be below fbnetv3.predictor_epochs, so that the encoder trains with the head at all (got {fbnetv3.FrozenEpochs} of {fbnetv3.PredictorEpochs})");
        }

        Check(problems, "fbnetv3.predictor_learning_rate", fbnetv3.PredictorLearningRate);
        Check(problems, "fbnetv3.rounds", fbnetv3.Rounds);
        Check(problems, "fbnetv3.children_per_round", fbnetv3.ChildrenPerRound);
        if (problems.InRange("fbnetv3.pool", fbnetv3.Pool, Range("fbnetv3.pool")) &&
            Range("fbnetv3.children_per_round").Contains(fbnetv3.ChildrenPerRound) && fbnetv3.Pool < fbnetv3.ChildrenPerRound)
        {
            problems.Add("fbnetv3.pool",
                $"must be at least fbnetv3.children_per_round, the children a round picks from it (got {fbnetv3.Pool} for {fbnetv3.ChildrenPerRound})");
        }

        Check(problems, "fbnetv3.population", fbnetv3.Population);
        if (problems.InRange("fbnetv3.top_k", fbnetv3.TopK, Range("fbnetv3.top_k")) &&
            Range("fbnetv3.population").Contains(fbnetv3.Population) && fbnetv3.TopK > fbnetv3.Population)
        {
            problems.Add("fbnetv3.top_k", $"must be at most fbnetv3.population, the pairs it is kept from (got {fbnetv3.TopK} of {fbnetv3.Population})");
        }

        Check(problems, "fbnetv3.mutation_probability", fbnetv3.MutationProbability);
        Check(problems, "fbnetv3.max_iterations", fbnetv3.MaxIterations);
        Check(problems, "fbnetv3.threshold", fbnetv3.Threshold);
        Check(problems, "fbnetv3.final_children", fbnetv3.FinalChildren);
        CheckOptionalLimits(problems, "fbnetv3", fbnetv3.MaxLatencyMs, fbnetv3.MaxParams, fbnetv3.MaxMacs, fbnetv3.MaxPeakActivationBytes);
    }

    private static void ValidateRecipeSpace(RecipeSpaceSpec recipe, ProblemList problems)
    {
        ChoiceList("fbnetv3.recipe.optimizers", recipe.Optimizers, problems, (path, name) =>
        {
            if (!ProxySpec.Optimizers.Contains(name))
            {
                problems.Add(path, UnknownOptimizer(name));
            }
        }, name => name);
        RecipeDimension("learning_rate", recipe.LearningRate, logScale: true, problems);
        RecipeDimension("weight_decay", recipe.WeightDecay, logScale: true, problems);
        RecipeDimension("epochs", recipe.Epochs, logScale: false, problems);
        RecipeDimension("batch_size", recipe.BatchSize, logScale: false, problems);
        RecipeDimension("label_smoothing", recipe.LabelSmoothing, logScale: false, problems);
        RecipeDimension("dropout", recipe.Dropout, logScale: false, problems);
        RecipeDimension("stochastic_depth", recipe.StochasticDepth, logScale: false, problems);
        RecipeDimension("mixup_alpha", recipe.MixupAlpha, logScale: false, problems);
        RecipeDimension("ema_decay", recipe.EmaDecay, logScale: false, problems);
    }

    /// <summary>
    /// One searched dimension: <c>{min, max}</c> with min ≤ max, or <c>{values: […]}</c> with 1 to
    /// <see cref="CampaignRanges.MaxRecipeValues"/> different values; never both, never neither. Every bound and value is
    /// held to the dimension's range (its proxy field's); a range searched on a log scale cannot start at 0.
    /// </summary>
    private static void RecipeDimension(string name, RecipeRange? range, bool logScale, ProblemList problems)
    {
        var path = "fbnetv3.recipe." + name;
        if (!problems.NotNull(path, range))
        {
            return;
        }

        var bounds = Range(path);
        var hasBounds = range!.Min is not null || range.Max is not null;
        if (range.Values is not null && hasBounds)
        {
            problems.Add(path, "give either min and max (a range) or values (a list), not both");
        }
        else if (range.Values is { } values)
        {
            RecipeValues(FieldPath.Field(path, "values"), values, bounds, problems);
        }
        else if (!hasBounds)
        {
            problems.Add(path, "give min and max (a range) or values (a list)");
        }
        else
        {
            RecipeBounds(path, range, bounds, logScale, problems);
        }
    }

    private static void RecipeValues(string path, IReadOnlyList<double> values, FieldRange bounds, ProblemList problems)
    {
        if (values.Count == 0)
        {
            problems.Add(path, "must hold at least one value");
            return;
        }

        if (values.Count > CampaignRanges.MaxRecipeValues)
        {
            problems.Add(path, $"must hold at most {CampaignRanges.MaxRecipeValues} values (got {values.Count})");
            return;
        }

        var seen = new HashSet<double>();
        for (var i = 0; i < values.Count; i++)
        {
            var itemPath = FieldPath.Index(path, i);
            if (problems.InRange(itemPath, values[i], bounds) && !seen.Add(values[i]))
            {
                problems.Add(itemPath, $"duplicate value {ProblemList.Text(values[i])}");
            }
        }
    }

    private static void RecipeBounds(string path, RecipeRange range, FieldRange bounds, bool logScale, ProblemList problems)
    {
        var (minPath, maxPath) = (FieldPath.Field(path, "min"), FieldPath.Field(path, "max"));
        if (range.Min is not { } min)
        {
            problems.Add(minPath, "required with max: a range needs both ends");
        }
        else if (problems.InRange(minPath, min, bounds) && logScale && min <= 0)
        {
            problems.Add(minPath,
                $"must be above 0: a range is searched on a log scale (got {ProblemList.Text(min)}); list 0 among values instead to try none");
        }

        if (range.Max is not { } max)
        {
            problems.Add(maxPath, "required with min: a range needs both ends");
        }
        else if (problems.InRange(maxPath, max, bounds) && range.Min is { } low && bounds.Contains(low) && low > max)
        {
            problems.Add(minPath, $"must not be above max (got {ProblemList.Text(low)} > {ProblemList.Text(max)})");
        }
    }
}
