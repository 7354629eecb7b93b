using Mnas.Strategies.Rl;
using Mnas.Torch;

namespace Mnas.Strategies.Tests.Rl;

/// <summary>
/// A four-child minibatch worked by hand (ε = 0.2, c_ent = 0.01, entropies 10, 20, 30, 40 → mean 25):
/// <code>
/// child  logπ_new logπ_old  r = exp(Δ)   A     r·A       clip(r)·A   min        case
///   0     −1.0    −1.0      1.000000     0.5   0.5       0.5         0.5        unclipped, r = 1
///   1     −2.0    −2.2      1.221403     1.0   1.221403  1.2         1.2        clipped above (A &gt; 0)
///   2     −0.5    −0.2      0.740818    −1.0  −0.740818 −0.8        −0.8        clipped below (A &lt; 0)
///   3     −3.0    −1.0      0.135335     2.0   0.270671  1.6         0.270671   stale child, r far below 1
/// loss = −(0.5 + 1.2 − 0.8 + 0.270671)/4 − 0.01·25 = −0.292668 − 0.25 = −0.542668
/// </code>
/// </summary>
public class PolicyLossTests
{
    private static Tensor T(params double[] values) => torch.tensor(values);

    [Fact]
    public void ppo_loss_takes_the_pessimistic_clipped_surrogate_per_child()
    {
        using var scope = torch.NewDisposeScope();
        var loss = PolicyLoss.Ppo(T(-1, -2, -0.5, -3), T(-1, -2.2, -0.2, -1), T(0.5, 1, -1, 2), T(10, 20, 30, 40), 0.2, 0.01);

        Assert.Equal(-0.5426676416183063, loss.item<double>(), 12);
    }

    [Fact]
    public void ppo_gradient_is_zero_for_clipped_children_and_r_times_a_over_n_for_the_others()
    {
        using var scope = torch.NewDisposeScope();
        var newLog = torch.tensor(new double[] { -1, -2, -0.5, -3 }, requires_grad: true);
        var loss = PolicyLoss.Ppo(newLog, T(-1, -2.2, -0.2, -1), T(0.5, 1, -1, 2), T(10, 20, 30, 40), 0.2, 0.01);

        loss.backward();

        // d/dlogπ of −r·A/4 is −r·A/4 where unclipped: child 0 → −0.125, child 3 → −0.135335·2/4.
        var gradient = newLog.grad!.data<double>();
        Assert.Equal(-0.125, gradient[0], 12);
        Assert.Equal(0.0, gradient[1], 12);
        Assert.Equal(0.0, gradient[2], 12);
        Assert.Equal(-0.06766764161830635, gradient[3], 12);
    }

    [Fact]
    public void ppo_loss_of_a_fresh_minibatch_is_minus_the_mean_advantage()
    {
        using var scope = torch.NewDisposeScope();
        // On-policy (logπ_new = logπ_old): every r = 1 → loss = −mean(A) − c·mean(H) = −0.25 − 0.
        var loss = PolicyLoss.Ppo(T(-5, -7), T(-5, -7), T(0.75, -0.25), T(3, 5), 0.2, 0);

        Assert.Equal(-0.25, loss.item<double>(), 14);
    }

    [Fact]
    public void reinforce_loss_is_minus_the_mean_of_advantage_times_log_probability()
    {
        using var scope = torch.NewDisposeScope();
        // A·logπ = [−0.5, −2, 0.5, −6] → mean −2 → loss = 2 − 0.01·25 = 1.75
        var loss = PolicyLoss.Reinforce(T(-1, -2, -0.5, -3), T(0.5, 1, -1, 2), T(10, 20, 30, 40), 0.01);

        Assert.Equal(1.75, loss.item<double>(), 13);
    }
}
