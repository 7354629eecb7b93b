namespace Mnas.Torch.Tests;

/// <summary>Comparisons of tensor contents against expected values written out in the tests.</summary>
internal static class Expect
{
    public static void Close(float[] expected, float[] actual, double tolerance = 1e-5)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (var i = 0; i < expected.Length; i++)
        {
            if (Math.Abs(expected[i] - actual[i]) > tolerance)
            {
                Assert.Fail($"element {i}: expected {expected[i]} but got {actual[i]} (tolerance {tolerance}); " +
                            $"expected [{string.Join(", ", expected)}], got [{string.Join(", ", actual)}]");
            }
        }
    }

    public static void Close(double[] expected, double[] actual, double tolerance = 1e-12)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (var i = 0; i < expected.Length; i++)
        {
            if (Math.Abs(expected[i] - actual[i]) > tolerance)
            {
                Assert.Fail($"element {i}: expected {expected[i]} but got {actual[i]} (tolerance {tolerance})");
            }
        }
    }

    public static void Close(double expected, double actual, double tolerance = 1e-5)
    {
        if (Math.Abs(expected - actual) > tolerance)
        {
            Assert.Fail($"expected {expected} but got {actual} (tolerance {tolerance})");
        }
    }

    /// <summary>The tensor's shape and float contents, in one assertion.</summary>
    public static void Values(long[] shape, float[] expected, Tensor actual, double tolerance = 1e-5)
    {
        Assert.Equal(shape, actual.shape);
        Close(expected, actual.data<float>(), tolerance);
    }
}
