using Mnas.Costs.Admission;
using Mnas.SearchSpace.Spec;

namespace Mnas.Costs.Tests;

public class ChildResourceGuardTests
{
    [Fact]
    public void mnasnets_default_space_passes_the_default_limits()
    {
        Assert.Empty(CampaignContract.Check(new CampaignSpec(), new ChildResourceLimits()));
    }

    [Fact]
    public void a_space_whose_largest_child_passes_a_limit_is_refused_naming_the_setting_the_limit_and_the_estimate()
    {
        var estimate = LargestChild.Estimate(new CampaignSpec());
        var problems = ChildResourceGuard.Check(new CampaignSpec(), new ChildResourceLimits { MaxParams = estimate.Params - 1 });

        var problem = Assert.Single(problems);
        Assert.Contains("limits.max_child_params", problem.Message);
        Assert.Contains(estimate.Params.ToString("N0", System.Globalization.CultureInfo.InvariantCulture), problem.Message);
        Assert.Contains((estimate.Params - 1).ToString("N0", System.Globalization.CultureInfo.InvariantCulture), problem.Message);
        Assert.Empty(ChildResourceGuard.Check(new CampaignSpec(), new ChildResourceLimits { MaxParams = estimate.Params }));
    }

    [Fact]
    public void the_training_batch_counts_against_the_activation_limit()
    {
        var small = new CampaignSpec { Proxy = new ProxySpec { BatchSize = 1 } };
        var estimate = LargestChild.Estimate(small);
        var limits = new ChildResourceLimits { MaxActivationBytes = Math.Max(estimate.TargetPeakActivationBytes, estimate.ProxyBatchActivationBytes) };
        Assert.Empty(ChildResourceGuard.Check(small, limits));

        var large = small with { Proxy = small.Proxy with { BatchSize = 1024 } };
        var problem = Assert.Single(ChildResourceGuard.Check(large, limits));
        Assert.Contains("one training batch of 1024 at the proxy view", problem.Message);
        Assert.Contains("limits.max_child_activation_bytes", problem.Message);
    }

    [Fact]
    public void a_space_at_every_upper_bound_is_refused_not_thrown()
    {
        var blocks = Enumerable.Range(0, 16).Select(_ => new SkeletonBlockSpec(4096, 16, 1)).ToArray();
        var spec = new CampaignSpec
        {
            SearchSpace = new SearchSpaceSpec { Kernels = [11], Widths = [4], LayerDeltas = [16] },
            Skeleton = new SkeletonSpec { StemChannels = 4096, StemStride = 1, Blocks = blocks, HeadChannels = 4096 },
            Target = new TargetSpec { Input = new(4, 1024, 1024), Classes = 100_000 },
            Proxy = new ProxySpec { BatchSize = 1024 },
        };
        Assert.Empty(CampaignSpecValidator.Instance.Validate(spec));

        var problems = CampaignContract.Check(spec, new ChildResourceLimits());

        Assert.NotEmpty(problems);
        Assert.All(problems, p => Assert.Equal("", p.Path));
    }

    [Fact]
    public void limits_below_one_are_named_by_their_setting()
    {
        var problems = ChildResourceLimitsValidator.Instance.Validate(new ChildResourceLimits { MaxParams = 0, MaxActivationBytes = -5 }).ToArray();
        Assert.Equal(["limits.max_child_params: must be at least 1 (got 0)", "limits.max_child_activation_bytes: must be at least 1 (got -5)"], problems);
    }
}
