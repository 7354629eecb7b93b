using System.Globalization;
using System.Text;

namespace Mnas.Torch.Training.Tests.Support;

/// <summary>
/// Checks the gradients that backward computes against central finite differences, in float64.
/// The function's output is reduced to a scalar by a fixed random projection, sum(output · r), so one
/// backward pass checks a whole vector-Jacobian product; the projection is evaluated in a plain C# loop.
/// </summary>
internal static class GradCheck
{
    public static void AssertGradientsMatch(Func<Tensor> function, IReadOnlyList<(string Name, Tensor Tensor)> inputs,
        double eps = 1e-6, double rtol = 1e-5, double atol = 1e-6, int projectionSeed = 1234)
    {
        foreach (var (name, tensor) in inputs)
        {
            Assert.True(tensor.dtype == ScalarType.Float64, $"{name} must be float64 for a finite-difference check, is {tensor.dtype}");
            Assert.True(tensor.requires_grad && tensor.is_leaf, $"{name} must be a leaf that requires grad");
            tensor.clear_grad();
        }

        double[] projection;
        double[][] analytic;
        using (var scope = torch.NewDisposeScope())
        {
            var output = function();
            Assert.Equal(ScalarType.Float64, output.dtype);
            projection = TestData.Uniform(projectionSeed, output.numel(), -1, 1);
            var weights = torch.tensor(projection, output.shape);
            var objective = (output * weights).sum();
            objective.backward();
            analytic = inputs.Select(i =>
                i.Tensor.grad?.data<double>() ?? throw new InvalidOperationException($"backward left no gradient on {i.Name}")).ToArray();
        }

        double Objective()
        {
            using var scope = torch.NewDisposeScope();
            var values = function().data<double>();
            var sum = 0.0;
            for (var k = 0; k < values.Length; k++)
            {
                sum += values[k] * projection[k];
            }
            return sum;
        }

        var failures = new StringBuilder();
        var failed = 0;
        var checkedCount = 0;
        using (torch.no_grad())
        {
            for (var n = 0; n < inputs.Count; n++)
            {
                var (name, tensor) = inputs[n];
                var shape = tensor.shape;
                var values = tensor.data<double>();
                var largest = 0.0;
                for (var i = 0; i < values.Length; i++)
                {
                    var original = values[i];
                    values[i] = original + eps;
                    Set(tensor, values, shape);
                    var plus = Objective();
                    values[i] = original - eps;
                    Set(tensor, values, shape);
                    var minus = Objective();
                    values[i] = original;
                    var numeric = (plus - minus) / (2 * eps);
                    var a = analytic[n][i];
                    largest = Math.Max(largest, Math.Abs(numeric));
                    checkedCount++;
                    if (!(Math.Abs(a - numeric) <= atol + rtol * Math.Abs(numeric)))
                    {
                        if (failed++ < 12)
                        {
                            failures.AppendLine(CultureInfo.InvariantCulture, $"  {name}[{i}]: backward {a:R}, finite difference {numeric:R}");
                        }
                    }
                }
                Set(tensor, values, shape);
                // A check of gradients that are all zero would pass vacuously.
                Assert.True(largest > 1e-4, $"the finite-difference gradient of {name} is ~0 everywhere (max {largest}); the check would be vacuous");
            }
        }
        foreach (var (_, tensor) in inputs)
        {
            tensor.clear_grad();
        }
        Assert.True(failed == 0, $"{failed} of {checkedCount} gradient elements differ (rtol {rtol}, atol {atol}):\n{failures}");
    }

    private static void Set(Tensor tensor, double[] values, long[] shape)
    {
        using var source = torch.tensor(values, shape);
        tensor.copy_(source);
    }
}
