namespace Mnas.Torch.Optim;

/// <summary>
/// Cosine learning-rate schedule: after t of tMax steps, lr = etaMin + (base − etaMin)·(1 + cos(πt/tMax))/2,
/// held at etaMin past tMax.
/// </summary>
public sealed class CosineAnnealingLR
{
    private readonly Optimizer optimizer;
    private readonly double baseLr;
    private readonly long tMax;
    private readonly double etaMin;

    public CosineAnnealingLR(Optimizer optimizer, long T_max, double eta_min = 0)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(T_max, 1);
        (this.optimizer, tMax, etaMin) = (optimizer, T_max, eta_min);
        baseLr = optimizer.LearningRate;
    }

    public long Step { get; private set; }

    /// <summary>T_max: the steps over which the rate anneals.</summary>
    public long Length => tMax;

    public double get_last_lr() => optimizer.LearningRate;

    public void step()
    {
        Step++;
        var t = Math.Min(Step, tMax);
        optimizer.LearningRate = etaMin + (baseLr - etaMin) * (1 + Math.Cos(Math.PI * t / tMax)) / 2;
    }
}
