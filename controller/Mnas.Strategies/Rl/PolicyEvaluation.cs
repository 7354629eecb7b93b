using Mnas.Torch;

namespace Mnas.Strategies.Rl;

/// <summary>
/// Samples scored under the controller's current weights, with autograd: per sample the summed log-probability of its
/// tokens and the summed entropy of each step's distribution (both shape [batch], float32). Disposing frees both.
/// </summary>
public sealed class PolicyEvaluation(Tensor logProbabilities, Tensor entropies) : IDisposable
{
    public Tensor LogProbabilities { get; } = logProbabilities;

    public Tensor Entropies { get; } = entropies;

    public void Dispose()
    {
        LogProbabilities.Dispose();
        Entropies.Dispose();
    }
}
