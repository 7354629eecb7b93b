using Mnas.Torch.Training.Tests.Support;

namespace Mnas.Torch.Training.Tests.Optim;

/// <summary>lr_t = eta_min + (base − eta_min)·(1 + cos(πt/T))/2, with base 0.1, eta_min 0.001, T = 10.</summary>
public class CosineAnnealingLRTests
{
    [Fact]
    public void cosine_schedule_starts_at_base_halves_at_t_over_2_and_reaches_eta_min_at_t()
    {
        using var p = torch.zeros([1], ScalarType.Float64, requires_grad: true);
        using var sgd = torch.optim.SGD([p], lr: 0.1);
        var schedule = torch.optim.lr_scheduler.CosineAnnealingLR(sgd, T_max: 10, eta_min: 0.001);

        var lrs = new List<double> { schedule.get_last_lr() };
        for (var t = 1; t <= 10; t++)
        {
            schedule.step();
            lrs.Add(sgd.LearningRate);
        }

        Assert.Equal(0.1, lrs[0], 15);
        // cos(π/2) = 0: halfway between 0.1 and 0.001.
        Assert.Equal(0.0505, lrs[5], 15);
        Assert.Equal(0.001, lrs[10], 15);
        // cos(π/10) = 0.951056516…: 0.001 + 0.099·(1.951056516)/2.
        Assert.Equal(0.001 + 0.099 * (1 + 0.9510565162951535) / 2, lrs[1], 15);
        for (var t = 1; t <= 10; t++)
        {
            Assert.True(lrs[t] < lrs[t - 1], $"the rate rose from step {t - 1} to {t}");
        }
        Assert.Equal(10, schedule.Step);
    }

    [Fact]
    public void cosine_schedule_holds_eta_min_past_t_max()
    {
        // The binding documents that the rate is held at eta_min after T_max (PyTorch's scheduler would rise again).
        using var p = torch.zeros([1], ScalarType.Float64, requires_grad: true);
        using var sgd = torch.optim.SGD([p], lr: 0.1);
        var schedule = torch.optim.lr_scheduler.CosineAnnealingLR(sgd, T_max: 10, eta_min: 0.001);

        for (var t = 1; t <= 25; t++)
        {
            schedule.step();
            if (t >= 10)
            {
                Assert.Equal(0.001, sgd.LearningRate, 15);
            }
        }
    }

    [Fact]
    public void the_optimizer_steps_with_the_scheduled_rate()
    {
        using var scope = torch.NewDisposeScope();
        var p = torch.tensor(new double[] { 1 }, requires_grad: true);
        using var sgd = torch.optim.SGD([p], lr: 0.2);
        var schedule = torch.optim.lr_scheduler.CosineAnnealingLR(sgd, T_max: 4);

        schedule.step();
        schedule.step();
        // t = 2 of 4: lr = 0.2·(1 + cos(π/2))/2 = 0.1; gradient of 3p is 3, so p = 1 − 0.3.
        Assert.Equal(0.1, schedule.get_last_lr(), 15);
        (p * 3).sum().backward();
        sgd.step();
        Approx.Equal([0.7], p.data<double>(), atol: 1e-15);
    }
}
