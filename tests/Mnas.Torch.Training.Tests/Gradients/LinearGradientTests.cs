using Mnas.Torch.Training.Tests.Support;
using F = Mnas.Torch.torch.nn.functional;

namespace Mnas.Torch.Training.Tests.Gradients;

public class LinearGradientTests
{
    [Fact]
    public void linear_gradients_of_input_weight_and_bias_match_finite_differences()
    {
        using var scope = torch.NewDisposeScope();
        var x = TestData.Float64(21, [3, 4]);
        var weight = TestData.Float64(22, [5, 4]);
        var bias = TestData.Float64(23, [5]);

        GradCheck.AssertGradientsMatch(() => F.linear(x, weight, bias), [("input", x), ("weight", weight), ("bias", bias)]);
    }

    [Fact]
    public void linear_without_bias_gradients_match_finite_differences_for_a_batched_3d_input()
    {
        using var scope = torch.NewDisposeScope();
        var x = TestData.Float64(24, [2, 3, 4]);
        var weight = TestData.Float64(25, [2, 4]);

        GradCheck.AssertGradientsMatch(() => F.linear(x, weight), [("input", x), ("weight", weight)]);
    }

    [Fact]
    public void linear_computes_x_times_weight_transposed_plus_bias()
    {
        using var scope = torch.NewDisposeScope();
        // x = [[1, 2], [3, 4]], W = [[1, 0], [0.5, -1], [2, 1]], b = [0.1, 0.2, 0.3]
        var y = F.linear(torch.tensor(new double[] { 1, 2, 3, 4 }, [2, 2]),
            torch.tensor(new double[] { 1, 0, 0.5, -1, 2, 1 }, [3, 2]), torch.tensor(new double[] { 0.1, 0.2, 0.3 }));
        // Row 1: [1+0.1, 0.5-2+0.2, 2+2+0.3]; row 2: [3+0.1, 1.5-4+0.2, 6+4+0.3].
        Approx.Equal([1.1, -1.3, 4.3, 3.1, -2.3, 10.3], y.data<double>(), atol: 1e-12);
    }
}
