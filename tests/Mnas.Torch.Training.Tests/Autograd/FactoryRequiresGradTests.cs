namespace Mnas.Torch.Training.Tests.Autograd;

/// <summary>
/// Regression: the factories once passed requires_grad inside ATen's TensorOptions, which at::full and at::randn
/// ignore (the tensor silently did not require grad) and at::empty rejects.
/// </summary>
public class FactoryRequiresGradTests
{
    public static TheoryData<string> Factories => ["zeros", "ones", "full", "empty", "randn", "rand", "tensor"];

    [Theory]
    [MemberData(nameof(Factories))]
    public void a_factory_asked_for_requires_grad_makes_a_leaf_that_collects_a_gradient(string factory)
    {
        using var scope = torch.NewDisposeScope();
        long[] shape = [2, 3];
        var x = factory switch
        {
            "zeros" => torch.zeros(shape, requires_grad: true),
            "ones" => torch.ones(shape, requires_grad: true),
            "full" => torch.full(shape, 2.5, requires_grad: true),
            "empty" => torch.empty(shape, requires_grad: true),
            "randn" => torch.randn(shape, requires_grad: true),
            "rand" => torch.rand(shape, requires_grad: true),
            "tensor" => torch.tensor(new float[6], shape, requires_grad: true),
            _ => throw new ArgumentException(factory),
        };

        Assert.True(x.requires_grad);
        Assert.True(x.is_leaf);
        (x * 3).sum().backward();
        Assert.Equal(Enumerable.Repeat(3f, 6), x.grad!.data<float>());
    }

    [Theory]
    [MemberData(nameof(Factories))]
    public void a_factory_not_asked_for_requires_grad_makes_a_tensor_without_it(string factory)
    {
        using var scope = torch.NewDisposeScope();
        long[] shape = [2, 3];
        var x = factory switch
        {
            "zeros" => torch.zeros(shape),
            "ones" => torch.ones(shape),
            "full" => torch.full(shape, 2.5),
            "empty" => torch.empty(shape),
            "randn" => torch.randn(shape),
            "rand" => torch.rand(shape),
            "tensor" => torch.tensor(new float[6], shape),
            _ => throw new ArgumentException(factory),
        };

        Assert.False(x.requires_grad);
        Assert.Equal(shape, x.shape);
    }

    [Fact]
    public void float64_factories_honour_requires_grad_and_dtype_together()
    {
        using var scope = torch.NewDisposeScope();
        var x = torch.full([3], 2.0, ScalarType.Float64, requires_grad: true);

        (x * x).sum().backward();

        Assert.Equal(ScalarType.Float64, x.grad!.dtype);
        Assert.Equal(new[] { 4.0, 4.0, 4.0 }, x.grad.data<double>());
    }

    [Fact]
    public void an_integer_tensor_cannot_require_grad()
    {
        Assert.Throws<TorchException>(() => torch.zeros([2], ScalarType.Int64, requires_grad: true));
    }
}
