namespace Mnas.Torch.Training.Tests.Autograd;

public class NoGradTests
{
    [Fact]
    public void results_computed_inside_no_grad_do_not_require_grad_and_after_it_they_do()
    {
        using var scope = torch.NewDisposeScope();
        var x = torch.tensor(new[] { 1f, 2f, 3f }, requires_grad: true);
        Assert.True(torch.is_grad_enabled());

        Tensor inside;
        using (torch.no_grad())
        {
            Assert.False(torch.is_grad_enabled());
            inside = (x * 2).sum();
            Assert.False(inside.requires_grad);
            Assert.Equal(12f, inside.item<float>());
        }

        Assert.True(torch.is_grad_enabled());
        var after = (x * 2).sum();
        Assert.True(after.requires_grad);
        after.backward();
        Assert.Equal(new[] { 2f, 2f, 2f }, x.grad!.data<float>());
        Assert.False(inside.requires_grad);
    }

    [Fact]
    public void nested_no_grad_restores_the_mode_each_level_found()
    {
        using var scope = torch.NewDisposeScope();
        var x = torch.ones([2], requires_grad: true);
        using (torch.no_grad())
        {
            using (torch.no_grad())
            {
                Assert.False(torch.is_grad_enabled());
            }
            Assert.False(torch.is_grad_enabled());
            Assert.False((x + 1).requires_grad);

            using (torch.enable_grad())
            {
                Assert.True(torch.is_grad_enabled());
                Assert.True((x + 1).requires_grad);
                using (torch.no_grad())
                {
                    Assert.False((x + 1).requires_grad);
                }
                Assert.True((x + 1).requires_grad);
            }
            Assert.False(torch.is_grad_enabled());
        }
        Assert.True(torch.is_grad_enabled());
        Assert.True((x + 1).requires_grad);
    }

    [Fact]
    public void disposing_a_no_grad_scope_twice_restores_only_once()
    {
        var outer = torch.no_grad();
        var inner = torch.enable_grad();
        inner.Dispose();
        Assert.False(torch.is_grad_enabled());
        inner.Dispose();
        Assert.False(torch.is_grad_enabled());
        outer.Dispose();
        Assert.True(torch.is_grad_enabled());
    }

    [Fact]
    public void module_outputs_under_no_grad_have_no_graph_and_parameters_get_no_gradient()
    {
        using var scope = torch.NewDisposeScope();
        using var linear = torch.nn.Linear(3, 2);
        using (torch.no_grad())
        {
            var y = linear.forward(torch.ones(4, 3));
            Assert.False(y.requires_grad);
            Assert.True(linear.weight.requires_grad);
        }
        Assert.Null(linear.weight.grad);
    }
}
