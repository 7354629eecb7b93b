namespace Mnas.Torch.Training.Tests.Support;

internal static class Approx
{
    /// <summary>Asserts |actual − expected| ≤ atol + rtol·|expected| elementwise, naming the first element that is not.</summary>
    public static void Equal(IReadOnlyList<double> expected, IReadOnlyList<double> actual, double atol, double rtol = 0)
    {
        Assert.Equal(expected.Count, actual.Count);
        for (var i = 0; i < expected.Count; i++)
        {
            var tolerance = atol + rtol * Math.Abs(expected[i]);
            Assert.True(Math.Abs(actual[i] - expected[i]) <= tolerance,
                $"element {i}: expected {expected[i]:R}, got {actual[i]:R} (tolerance {tolerance:R})");
        }
    }

    public static void Equal(IReadOnlyList<float> expected, IReadOnlyList<float> actual, double atol, double rtol = 0) =>
        Equal(expected.Select(v => (double)v).ToArray(), actual.Select(v => (double)v).ToArray(), atol, rtol);
}
