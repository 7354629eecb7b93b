using Mnas.SearchSpace.Spec;
using Mnas.SearchSpace.Tests.Support;
using Mnas.SearchSpace.Validation;

namespace Mnas.SearchSpace.Tests.Spec;

/// <summary>The proxy task's recipe fields (optimiser, dropout, stochastic depth, mixup, EMA): read, written back and held to their ranges.</summary>
public class ProxyRecipeFieldTests
{
    [Fact]
    public void the_defaults_train_with_sgd_the_skeletons_dropout_and_no_other_regularisation_and_validate()
    {
        var proxy = new CampaignSpec().Proxy;

        Assert.Equal((ProxySpec.Sgd, (double?)null, 0.0, 0.0, 0.0), (proxy.Optimizer, proxy.Dropout, proxy.StochasticDepth, proxy.MixupAlpha, proxy.EmaDecay));
        Assert.Empty(CampaignSpecValidator.Instance.Validate(new CampaignSpec()));
    }

    [Theory]
    [InlineData("sgd")]
    [InlineData("rmsprop")]
    [InlineData("adamw")]
    public void every_known_optimizer_is_accepted(string optimizer)
    {
        Assert.Empty(CampaignSpecValidator.Instance.Validate(new CampaignSpec { Proxy = new ProxySpec { Optimizer = optimizer } }));
    }

    [Theory]
    [InlineData("adam")]
    [InlineData("SGD")]
    [InlineData("")]
    [InlineData("sgd\n")]
    public void an_unknown_optimizer_is_refused_with_the_known_ones(string optimizer)
    {
        var problems = CampaignSpecValidator.Instance.Validate(new CampaignSpec { Proxy = new ProxySpec { Optimizer = optimizer } });

        var problem = Assert.Single(problems);
        Assert.Equal("proxy.optimizer", problem.Path);
        Assert.EndsWith("(known: sgd, rmsprop, adamw)", problem.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"proxy": {"dropout": 1}}""", "proxy.dropout: must be in [0, 1) (got 1)")]
    [InlineData("""{"proxy": {"dropout": -0.1}}""", "proxy.dropout: must be in [0, 1) (got -0.1)")]
    [InlineData("""{"proxy": {"stochastic_depth": 1}}""", "proxy.stochastic_depth: must be in [0, 1) (got 1)")]
    [InlineData("""{"proxy": {"stochastic_depth": -1e-9}}""", "proxy.stochastic_depth: must be in [0, 1) (got -1E-09)")]
    [InlineData("""{"proxy": {"mixup_alpha": 10.5}}""", "proxy.mixup_alpha: must be in [0, 10] (got 10.5)")]
    [InlineData("""{"proxy": {"mixup_alpha": -1}}""", "proxy.mixup_alpha: must be in [0, 10] (got -1)")]
    [InlineData("""{"proxy": {"ema_decay": 1}}""", "proxy.ema_decay: must be in [0, 1) (got 1)")]
    [InlineData("""{"proxy": {"ema_decay": -0.5}}""", "proxy.ema_decay: must be in [0, 1) (got -0.5)")]
    [InlineData("""{"proxy": {"optimizer": "lamb"}}""", "proxy.optimizer: unknown optimizer 'lamb' (known: sgd, rmsprop, adamw)")]
    public void a_recipe_field_outside_its_range_is_refused_under_its_path(string json, string line)
    {
        var error = Assert.Throws<SpecException>(() => CampaignSpecLoader.FromJson(json));

        Assert.Equal([line], Problems.Lines(error.Problems));
    }

    [Fact]
    public void a_value_at_each_inclusive_bound_is_accepted()
    {
        var spec = new CampaignSpec { Proxy = new ProxySpec { Dropout = 0, StochasticDepth = 0, MixupAlpha = 10, EmaDecay = 0 } };
        var nearTheOpenEnds = new CampaignSpec { Proxy = new ProxySpec { Dropout = 0.999, StochasticDepth = 0.999, MixupAlpha = 0, EmaDecay = 0.9999 } };

        Assert.Empty(CampaignSpecValidator.Instance.Validate(spec));
        Assert.Empty(CampaignSpecValidator.Instance.Validate(nearTheOpenEnds));
    }

    [Fact]
    public void null_dropout_means_the_skeletons_and_null_for_the_others_is_refused()
    {
        Assert.Equal(new CampaignSpec(), CampaignSpecLoader.FromJson("""{"proxy": {"dropout": null}}"""));

        var refused = Assert.Throws<SpecException>(() => CampaignSpecLoader.FromJson(
            """{"proxy": {"optimizer": null, "stochastic_depth": null, "mixup_alpha": null, "ema_decay": null}}"""));
        Assert.Equal(["proxy.optimizer: must not be null", "proxy.stochastic_depth: must not be null", "proxy.mixup_alpha: must not be null",
            "proxy.ema_decay: must not be null"], Problems.Lines(refused.Problems));
    }

    [Fact]
    public void the_recipe_fields_load_from_yaml_and_the_writer_gives_them_back()
    {
        var spec = CampaignSpecLoader.FromYaml("""
            proxy:
              optimizer: adamw
              dropout: 0.15
              stochastic_depth: 0.05
              mixup_alpha: 0.2
              ema_decay: 0.99
            """);

        Assert.Equal((ProxySpec.AdamW, (double?)0.15, 0.05, 0.2, 0.99),
            (spec.Proxy.Optimizer, spec.Proxy.Dropout, spec.Proxy.StochasticDepth, spec.Proxy.MixupAlpha, spec.Proxy.EmaDecay));
        Assert.Equal(spec, CampaignSpecLoader.FromYaml(CampaignSpecWriter.ToYaml(spec)));
        Assert.Equal(spec, CampaignSpecLoader.FromJson(CampaignSpecWriter.ToJson(spec)));
        Assert.NotEqual(spec, spec with { Proxy = spec.Proxy with { Dropout = null } });
    }
}
