using Mnas.Costs.Admission;
using Mnas.SearchSpace.Contract;
using Mnas.SearchSpace.Space;
using Mnas.SearchSpace.Spec;
using Mnas.SearchSpace.Views;
using Xunit.Abstractions;

namespace Mnas.Costs.Tests;

public class LargestChildTests(ITestOutputHelper output)
{
    /// <summary>Two blocks, 96 choices each: small enough to cost every one of its 9,216 children.</summary>
    private static readonly CampaignSpec Small = new()
    {
        SearchSpace = new SearchSpaceSpec
        {
            Ops = ["dwconv", "conv", "mbconv6"], Kernels = [5, 3], SeRatios = [0.25, 0], Skips = ["identity", "none"], Widths = [1, 0.5],
            LayerDeltas = [1, 0],
        },
        Skeleton = new SkeletonSpec { StemChannels = 8, Blocks = [new(16, 1, 1), new(24, 2, 2)], HeadChannels = 64 },
        Target = new TargetSpec { Input = new(3, 32, 32), Classes = 10 },
    };

    [Fact]
    public void on_a_space_small_enough_to_enumerate_the_estimate_is_the_largest_child_of_each_figure()
    {
        var space = new ModelSpace(Small);
        var dataset = ProxyDatasets.FashionMnist;
        long parameters = 0, targetMacs = 0, proxyMacs = 0, targetPeak = 0, proxyPeak = 0;
        foreach (var tokens in AllTokens(space))
        {
            var target = space.Freeze(space.FromTokens(tokens));
            var t = CostAnalysis.Analyze(target);
            var p = CostAnalysis.Analyze(ArchitectureViews.Proxy(target, dataset.Input, dataset.Classes));
            parameters = Math.Max(parameters, Math.Max(t.Params, p.Params));
            targetMacs = Math.Max(targetMacs, t.Macs);
            proxyMacs = Math.Max(proxyMacs, p.Macs);
            targetPeak = Math.Max(targetPeak, t.PeakActivationBytes);
            proxyPeak = Math.Max(proxyPeak, p.PeakActivationBytes);
        }

        var estimate = LargestChild.Estimate(Small);
        Assert.Equal(parameters, estimate.Params);
        Assert.Equal(targetMacs, estimate.TargetMacs);
        Assert.Equal(proxyMacs, estimate.ProxyMacs);
        Assert.Equal(targetPeak, estimate.TargetPeakActivationBytes);
        Assert.Equal(proxyPeak, estimate.ProxyPeakActivationBytes);
        Assert.Equal(proxyPeak * Small.Proxy.BatchSize, estimate.ProxyBatchActivationBytes);
        Assert.Equal(estimate.Params, CostAnalysis.Analyze(estimate.LargestByParams).Params);
    }

    [Fact]
    public void no_random_child_of_mnasnets_space_costs_more_than_the_estimate()
    {
        var spec = new CampaignSpec();
        var space = new ModelSpace(spec);
        var started = System.Diagnostics.Stopwatch.StartNew();
        var estimate = LargestChild.Estimate(spec);
        output.WriteLine($"estimated in {started.ElapsedMilliseconds} ms: {estimate with { LargestByParams = null! }}");
        var rng = new Random(3);
        for (var i = 0; i < 200; i++)
        {
            var target = space.Freeze(space.Random(rng));
            var costs = CostAnalysis.Analyze(target);
            Assert.True(costs.Params <= estimate.Params, $"{target.Name}: {costs.Params} parameters");
            Assert.True(costs.Macs <= estimate.TargetMacs, $"{target.Name}: {costs.Macs} multiply-adds");
            Assert.True(costs.PeakActivationBytes <= estimate.TargetPeakActivationBytes, $"{target.Name}: {costs.PeakActivationBytes} bytes");
        }

        // MnasNet's space at 224×224 tops out near mobilenet_v2 × 1.25 with a layer more per block and SE everywhere.
        Assert.InRange(estimate.Params, 5_000_000, 40_000_000);
        Assert.InRange(estimate.TargetMacs, 500_000_000, 5_000_000_000);
    }

    private static IEnumerable<int[]> AllTokens(ModelSpace space)
    {
        var counts = space.Decisions.Select(d => d.Choices.Count).ToArray();
        var tokens = new int[counts.Length];
        while (true)
        {
            yield return (int[])tokens.Clone();
            var i = 0;
            while (i < counts.Length && ++tokens[i] == counts[i])
            {
                tokens[i++] = 0;
            }

            if (i == counts.Length)
            {
                yield break;
            }
        }
    }
}
