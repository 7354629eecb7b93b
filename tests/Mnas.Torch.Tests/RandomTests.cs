namespace Mnas.Torch.Tests;

public class RandomStatisticsTests
{
    [Fact]
    public void randn_has_mean_zero_and_standard_deviation_one()
    {
        using var scope = torch.NewDisposeScope();
        var samples = torch.randn(100_000).data<float>();
        var mean = samples.Average(x => (double)x);
        var variance = samples.Sum(x => (x - mean) * (x - mean)) / (samples.Length - 1);
        // Standard errors are about 0.003 (mean) and 0.002 (std): 0.02 is more than six of them.
        Assert.InRange(mean, -0.02, 0.02);
        Assert.InRange(Math.Sqrt(variance), 0.98, 1.02);
    }

    [Fact]
    public void rand_lies_in_zero_one_with_mean_one_half()
    {
        using var scope = torch.NewDisposeScope();
        var samples = torch.rand(100_000).data<float>();
        Assert.All(samples, x => Assert.InRange(x, 0f, 1f));
        Assert.InRange(samples.Average(x => (double)x), 0.49, 0.51);
    }
}

/// <summary>Seeding is process-wide, so these run with no other test drawing random numbers.</summary>
[CollectionDefinition("GlobalRandomState", DisableParallelization = true)]
public class GlobalRandomStateCollection;

[Collection("GlobalRandomState")]
public class ManualSeedTests
{
    [Fact]
    public void manual_seed_makes_randn_bitwise_repeatable()
    {
        using var scope = torch.NewDisposeScope();
        torch.manual_seed(1234);
        var first = torch.randn(2, 500).data<float>();
        torch.manual_seed(1234);
        var second = torch.randn(2, 500).data<float>();
        Assert.Equal(first.Select(BitConverter.SingleToInt32Bits), second.Select(BitConverter.SingleToInt32Bits));
    }

    [Fact]
    public void different_seeds_give_different_draws()
    {
        using var scope = torch.NewDisposeScope();
        torch.manual_seed(1);
        var first = torch.randn(100).data<float>();
        torch.manual_seed(2);
        var second = torch.randn(100).data<float>();
        Assert.True(first.Zip(second).Count(p => p.First != p.Second) > 90);
    }
}
