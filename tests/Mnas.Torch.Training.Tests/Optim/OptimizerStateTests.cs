using Mnas.Torch.Training.Tests.Support;

namespace Mnas.Torch.Training.Tests.Optim;

public class OptimizerStateTests
{
    [Fact]
    public void gradients_accumulate_across_backward_calls_until_zero_grad_clears_them()
    {
        using var scope = torch.NewDisposeScope();
        var p = torch.tensor(new double[] { 1, -2 }, requires_grad: true);
        var q = torch.tensor(new double[] { 3 }, requires_grad: true);
        var c = torch.tensor(new double[] { 0.5, -1.5 });
        using var sgd = torch.optim.SGD([p, q], lr: 0.1);

        Assert.Null(p.grad);
        ((c * p).sum() + q.sum() * 2).backward();
        ((c * p).sum() + q.sum() * 2).backward();
        Approx.Equal([1.0, -3.0], p.grad!.data<double>(), atol: 0);
        Approx.Equal([4.0], q.grad!.data<double>(), atol: 0);

        sgd.zero_grad();
        Assert.Null(p.grad);
        Assert.Null(q.grad);

        (c * p).sum().backward();
        Approx.Equal([0.5, -1.5], p.grad!.data<double>(), atol: 0);
    }

    [Fact]
    public void a_parameter_without_a_gradient_is_left_unchanged_by_step()
    {
        using var scope = torch.NewDisposeScope();
        var p = torch.tensor(new double[] { 1, -2 }, requires_grad: true);
        var unused = torch.tensor(new double[] { 7 }, requires_grad: true);
        using var sgd = torch.optim.SGD([p, unused], lr: 0.5, momentum: 0.9, weight_decay: 0.1);

        (p * 2).sum().backward();
        sgd.step();

        // d = 2 + 0.1·p; p1 = p0 − 0.5·d = [1 − 1.05, −2 − 0.5·1.8].
        Approx.Equal([-0.05, -2.9], p.data<double>(), atol: 1e-12);
        Approx.Equal([7.0], unused.data<double>(), atol: 0);
    }

    [Fact]
    public void learning_rate_can_be_read_and_set_and_the_next_step_uses_it()
    {
        using var scope = torch.NewDisposeScope();
        var p = torch.tensor(new double[] { 1, -2 }, requires_grad: true);
        using var sgd = torch.optim.SGD([p], lr: 0.1);
        Assert.Equal(0.1, sgd.LearningRate);

        sgd.LearningRate = 0.25;
        Assert.Equal(0.25, sgd.LearningRate);

        (p * 2).sum().backward();
        sgd.step();
        Approx.Equal([0.5, -2.5], p.data<double>(), atol: 1e-15);

        Assert.Throws<ArgumentOutOfRangeException>(() => sgd.LearningRate = -0.1);
        Assert.Equal(0.25, sgd.LearningRate);
    }

    [Fact]
    public void adam_learning_rate_can_be_read_and_set()
    {
        using var p = torch.zeros([2], ScalarType.Float64, requires_grad: true);
        using var adam = torch.optim.Adam([p], lr: 3e-4);
        Assert.Equal(3e-4, adam.LearningRate);
        adam.LearningRate = 1e-2;
        Assert.Equal(1e-2, adam.LearningRate);
    }

    [Fact]
    public void an_optimizer_needs_at_least_one_parameter()
    {
        Assert.Throws<ArgumentException>(() => torch.optim.SGD([], lr: 0.1));
    }
}
