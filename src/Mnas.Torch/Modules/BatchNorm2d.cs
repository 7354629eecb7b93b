namespace Mnas.Torch.Modules;

/// <summary>Batch normalisation over channels, with running statistics for evaluation.</summary>
public sealed class BatchNorm2d : Module<Tensor, Tensor>
{
    /// <param name="momentum">The running statistics' update factor; null: their cumulative average over every batch since the last reset.</param>
    public BatchNorm2d(long features, double eps = 1e-5, double? momentum = 0.1, bool affine = true, bool trackRunningStats = true)
    {
        (Eps, Momentum) = (eps, momentum);
        if (affine)
        {
            weight = Init.Constant([features], 1);
            bias = Init.Constant([features], 0);
        }
        register_parameter(nameof(weight), weight);
        register_parameter(nameof(bias), bias);
        if (trackRunningStats)
        {
            running_mean = torch.zeros([features]);
            running_var = torch.ones([features]);
            num_batches_tracked = torch.zeros([], ScalarType.Int64);
            register_buffer(nameof(running_mean), running_mean);
            register_buffer(nameof(running_var), running_var);
            register_buffer(nameof(num_batches_tracked), num_batches_tracked);
        }
    }

    public Parameter? weight { get; }
    public Parameter? bias { get; }
    public Tensor? running_mean { get; }
    public Tensor? running_var { get; }
    public Tensor? num_batches_tracked { get; }
    public double Eps { get; }

    /// <summary>The running statistics' update factor; null: their cumulative average (each batch weighs 1 / batches tracked).</summary>
    public double? Momentum { get; set; }

    /// <summary>Running mean 0, variance 1, no batch tracked: the statistics as a new module has them.</summary>
    public void reset_running_stats()
    {
        running_mean?.zero_();
        running_var?.fill_(1);
        num_batches_tracked?.zero_();
    }

    public override Tensor forward(Tensor input)
    {
        var useBatchStatistics = training || running_mean == null;
        if (training && num_batches_tracked != null)
        {
            num_batches_tracked.add_(1);
        }
        var factor = Momentum ?? (training && num_batches_tracked != null ? 1.0 / num_batches_tracked.item<long>() : 0.0);
        return torch.nn.functional.batch_norm(input, running_mean, running_var, weight, bias, useBatchStatistics, factor, Eps);
    }
}
