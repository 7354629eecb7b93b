using Mnas.SearchSpace.Spec;
using Mnas.Torch;
using Mnas.Torch.Optim;

namespace Mnas.Workers.Training;

/// <summary>
/// The optimiser a child's <see cref="TrainingOptions"/> name: SGD with momentum and L2 weight decay; RMSprop (PyTorch's
/// defaults, α = 0.99 and eps = 1e-8) with momentum and L2 weight decay; or AdamW (β = (0.9, 0.999)) with the weight
/// decay decoupled.
/// </summary>
public static class ChildOptimizer
{
    public static Optimizer Create(IEnumerable<Tensor> parameters, TrainingOptions options) => options.Optimizer switch
    {
        ProxySpec.Sgd => torch.optim.SGD(parameters, options.LearningRate, options.Momentum, weight_decay: options.WeightDecay),
        ProxySpec.RmsProp => torch.optim.RMSprop(parameters, options.LearningRate, weight_decay: options.WeightDecay, momentum: options.Momentum),
        ProxySpec.AdamW => torch.optim.AdamW(parameters, options.LearningRate, weight_decay: options.WeightDecay),
        _ => throw new ArgumentException($"optimizer: must be one of {string.Join(", ", ProxySpec.Optimizers)} (got '{options.Optimizer}')",
            nameof(options)),
    };
}
