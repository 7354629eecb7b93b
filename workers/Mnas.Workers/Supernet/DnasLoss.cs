using Mnas.Torch;

namespace Mnas.Workers.Supernet;

/// <summary>
/// FBNet's loss: CE · α · (log LAT)^β. LAT is taken in microseconds, so that its logarithm is positive for any network
/// the table can time (a proxy network may run in under a millisecond).
/// </summary>
public static class DnasLoss
{
    public static Tensor Of(Tensor crossEntropy, Tensor latencyMs, double alpha, double beta)
    {
        using var scope = torch.NewDisposeScope();
        return (crossEntropy * alpha * (latencyMs * 1000.0).log().pow(beta)).MoveToOuterDisposeScope();
    }
}
