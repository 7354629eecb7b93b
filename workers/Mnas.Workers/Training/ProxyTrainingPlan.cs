using Mnas.SearchSpace.Spec;

namespace Mnas.Workers.Training;

/// <summary>The training and data settings a campaign spec's proxy section gives every child.</summary>
public sealed record ProxyTrainingPlan(string Dataset, TrainingOptions Training, ProxyTaskOptions Data)
{
    public static ProxyTrainingPlan FromSpec(ProxySpec proxy) => new(
        proxy.Dataset,
        new TrainingOptions
        {
            Epochs = proxy.Epochs, Optimizer = proxy.Optimizer, LearningRate = proxy.LearningRate, Momentum = proxy.Momentum,
            WeightDecay = proxy.WeightDecay, LabelSmoothing = proxy.LabelSmoothing, Dropout = proxy.Dropout, StochasticDepth = proxy.StochasticDepth,
            MixupAlpha = proxy.MixupAlpha, EmaDecay = proxy.EmaDecay, Seed = proxy.Seed,
        },
        new ProxyTaskOptions
        {
            BatchSize = proxy.BatchSize, TrainSubset = proxy.TrainSubsetSize, ValidationFraction = proxy.ValidationFraction, Seed = proxy.Seed,
        });
}
