using Mnas.Torch.Training.Tests.Support;

namespace Mnas.Torch.Training.Tests.Gradients;

public class GradCheckSelfTests
{
    [Fact]
    public void gradcheck_accepts_the_gradient_of_x_squared()
    {
        using var scope = torch.NewDisposeScope();
        var x = TestData.Float64(51, [6]);

        GradCheck.AssertGradientsMatch(() => x * x, [("x", x)]);
    }

    [Fact]
    public void gradcheck_rejects_a_gradient_that_backward_gets_wrong()
    {
        using var scope = torch.NewDisposeScope();
        var x = TestData.Float64(52, [6]);

        // x · detach(x) has value x² but backward sees only one factor: x instead of 2x.
        var failure = Assert.ThrowsAny<Xunit.Sdk.XunitException>(() => GradCheck.AssertGradientsMatch(() => x * x.detach(), [("x", x)]));
        Assert.Contains("6 of 6 gradient elements differ", failure.Message);
    }

    [Fact]
    public void gradcheck_refuses_a_vacuous_check_where_every_gradient_is_zero()
    {
        using var scope = torch.NewDisposeScope();
        var x = TestData.Float64(53, [4], -3, -1);

        var failure = Assert.ThrowsAny<Xunit.Sdk.XunitException>(() => GradCheck.AssertGradientsMatch(() => x.relu(), [("x", x)]));
        Assert.Contains("vacuous", failure.Message);
    }
}
