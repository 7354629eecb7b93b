using System.Net;
using System.Text.Json;
using Mnas.Api.Supernet;
using Mnas.Campaigns;
using Mnas.SearchSpace.Supernet;

namespace Mnas.Api.Tests;

/// <summary><c>GET /campaigns/{id}/supernet</c> over a real SQLite store, its supernet written through the store's own methods.</summary>
public sealed class SupernetEndpointTests : IAsyncLifetime
{
    private const string FbnetSpec = """{"dnas": {"candidates": ["k3_e1", "k5_e6", "skip"], "epochs": 4, "warmup_epochs": 1}}""";
    private const string Fbnetv2Spec = """{"dnas": {"candidates": ["k3_e3", "skip"], "epochs": 3, "warmup_epochs": 1, "widths": [0.5, 1.0], "resolutions": [1, 2]}}""";

    /// <summary>Twenty epochs of full training, a tenth of which BN-only training runs: two.</summary>
    private const string BnNasSpec = """{"bnnas": {"candidates": ["k3_e1", "k5_e3", "k3_e6"], "epochs": 20, "bn_share": 0.1}}""";

    /// <summary>The uniform sampling distribution of a single-path supernet whose second layer does not offer k3_e6.</summary>
    private static readonly IReadOnlyList<IReadOnlyList<double>> Uniform = [[1.0 / 3, 1.0 / 3, 1.0 / 3], [0.5, 0.5, 0]];

    private static readonly IReadOnlyList<IReadOnlyList<double>> Theta = [[0.5, 0.3, 0.2], [0.1, 0.7, 0.2]];

    private TestApi api = null!;
    private CampaignSeed seed = null!;

    public async Task InitializeAsync()
    {
        api = await TestApi.StartAsync();
        seed = new CampaignSeed(api.Store);
        await seed.CreateAsync("dnas", FbnetSpec, "fbnet");
        await seed.CreateAsync("masks", Fbnetv2Spec, "fbnetv2");
        await seed.CreateAsync("bn", BnNasSpec, "bn-nas");
        await seed.CreateAsync("rl");
    }

    public async Task DisposeAsync() => await api.DisposeAsync();

    [Fact]
    public async Task a_supernet_in_training_lists_each_epoch_in_order_with_its_distributions_and_never_its_state()
    {
        var attempt = await api.Store.BeginSupernetAttemptAsync("dnas", TestApi.Start);
        Assert.True(await api.Store.RecordSupernetEpochAsync(Epoch("dnas", 1, attempt.Attempts, thetaTrained: false), [1, 2, 3]));
        Assert.True(await api.Store.RecordSupernetEpochAsync(Epoch("dnas", 2, attempt.Attempts), [4, 5, 6]));

        var supernet = await api.GetAsync<SupernetResponse>("/api/v1/campaigns/dnas/supernet");
        var json = await api.Client.GetStringAsync("/api/v1/campaigns/dnas/supernet");

        Assert.Equal(("fbnet", 1, 4, 2, false), (supernet.Strategy, supernet.Attempts, supernet.EpochsPlanned, supernet.EpochsDone, supernet.Trained));
        Assert.Equal(["k3_e1", "k5_e6", "skip"], supernet.Candidates);
        Assert.Null(supernet.Widths);
        Assert.Null(supernet.Resolutions);
        Assert.Null(supernet.Posterior);
        Assert.Equal([1, 2], supernet.Epochs.Select(e => e.Epoch));
        var second = supernet.Epochs[1];
        Assert.Equal((1, 5.0 * 0.9, 1.5, 1.25, true, 12.5, 30.0, TestApi.Start.AddMinutes(2)),
            (second.Attempt, second.Temperature, second.Loss, second.CrossEntropy, second.ThetaTrained, second.ExpectedLatencyMs, second.Seconds, second.At));
        Assert.Equal(Theta, second.Distributions);
        Assert.False(supernet.Epochs[0].ThetaTrained);
        Assert.Null(second.WidthDistributions);
        Assert.Null(second.ResolutionDistribution);
        Assert.StartsWith(
            "{\"strategy\":\"fbnet\",\"candidates\":[\"k3_e1\",\"k5_e6\",\"skip\"],\"widths\":null,\"resolutions\":null,\"attempts\":1," +
            "\"epochs_planned\":4,\"epochs_done\":2,\"trained\":false,\"epochs\":[{\"epoch\":1,\"attempt\":1,", json);
        Assert.Contains(
            "\"cross_entropy\":1.25,\"theta_trained\":true,\"expected_latency_ms\":12.5,\"distributions\":[[0.5,0.3,0.2],[0.1,0.7,0.2]]," +
            "\"width_distributions\":null,\"resolution_distribution\":null,\"seconds\":30,", json);
        Assert.Contains(",\"scores\":null,\"ranking_distance\":null}", json);
        Assert.All(supernet.Epochs, e => Assert.Equal((null, null), (e.Scores, e.RankingDistance)));
        Assert.EndsWith("],\"posterior\":null,\"evolution\":null}", json);
        Assert.DoesNotContain("state", json, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task an_fbnetv2_supernet_shows_its_widths_and_resolutions_and_once_trained_its_posterior()
    {
        var attempt = (await api.Store.BeginSupernetAttemptAsync("masks", TestApi.Start)).Attempts;
        Assert.True(await api.Store.RecordSupernetEpochAsync(Epoch("masks", 1, attempt, [[0.6, 0.4], [0.5, 0.5]], [[0.3, 0.7], [0.8, 0.2]], [0.9, 0.1]), [1]));
        attempt = (await api.Store.BeginSupernetAttemptAsync("masks", TestApi.Start.AddMinutes(5))).Attempts;
        Assert.True(await api.Store.RecordSupernetEpochAsync(Epoch("masks", 2, attempt, [[0.7, 0.3], [0.4, 0.6]], [[0.2, 0.8], [0.9, 0.1]], [0.95, 0.05]), [2]));
        var posterior = new SupernetPosterior(["k3_e3", "skip"], [[0.7, 0.3], [0.4, 0.6]], [0.5, 1.0], [[0.2, 0.8], [0.9, 0.1]], [1, 2], [0.95, 0.05], 9.75, 2);
        Assert.True(await api.Store.FinishSupernetAsync("masks", attempt, posterior.ToJson(), TestApi.Start.AddMinutes(9)));

        var supernet = await api.GetAsync<SupernetResponse>("/api/v1/campaigns/masks/supernet");

        Assert.Equal(("fbnetv2", 2, 3, 2, true), (supernet.Strategy, supernet.Attempts, supernet.EpochsPlanned, supernet.EpochsDone, supernet.Trained));
        Assert.Equal([0.5, 1.0], supernet.Widths);
        Assert.Equal([1, 2], supernet.Resolutions);
        Assert.Equal([1, 2], supernet.Epochs.Select(e => e.Attempt));
        Assert.Equal([[0.2, 0.8], [0.9, 0.1]], supernet.Epochs[1].WidthDistributions);
        Assert.Equal([0.95, 0.05], supernet.Epochs[1].ResolutionDistribution);
        var served = Assert.IsType<SupernetPosteriorItem>(supernet.Posterior);
        Assert.Equal((9.75, 2), (served.ExpectedLatencyMs, served.Epochs));
        Assert.Equal(posterior.Candidates, served.Candidates);
        Assert.Equal(posterior.Distributions, served.Distributions);
        Assert.Equal(posterior.WidthDistributions, served.WidthDistributions);
        Assert.Equal(posterior.ResolutionDistribution, served.ResolutionDistribution);
        Assert.Equal((null, null), (served.Scores, served.Costs));
        Assert.Null(supernet.Evolution);
    }

    [Fact]
    public async Task a_bn_nas_supernet_in_training_shows_each_epochs_indicator_and_ranking_distance_and_plans_its_bn_only_epochs()
    {
        var attempt = (await api.Store.BeginSupernetAttemptAsync("bn", TestApi.Start)).Attempts;
        Assert.True(await api.Store.RecordSupernetEpochAsync(SinglePathEpoch("bn", 1, attempt, [[0.9, 1.1, 1.0], [0.7, 0.8, 0]], null), [1]));
        Assert.True(await api.Store.RecordSupernetEpochAsync(SinglePathEpoch("bn", 2, attempt, [[0.8, 1.2, 1.05], [0.9, 0.6, 0]], 0.5), [2]));

        var supernet = await api.GetAsync<SupernetResponse>("/api/v1/campaigns/bn/supernet");
        var json = await api.Client.GetStringAsync("/api/v1/campaigns/bn/supernet");

        Assert.Equal(("bn-nas", 1, 2, 2, false), (supernet.Strategy, supernet.Attempts, supernet.EpochsPlanned, supernet.EpochsDone, supernet.Trained));
        Assert.Equal(["k3_e1", "k5_e3", "k3_e6"], supernet.Candidates);
        Assert.Equal((null, null), (supernet.Widths, supernet.Resolutions));
        Assert.Equal([null, 0.5], supernet.Epochs.Select(e => e.RankingDistance));
        Assert.Equal([[0.8, 1.2, 1.05], [0.9, 0.6, 0]], supernet.Epochs[1].Scores);
        Assert.Equal((0.0, false), (supernet.Epochs[1].Temperature, supernet.Epochs[1].ThetaTrained));
        Assert.Equal(Uniform, supernet.Epochs[1].Distributions);
        Assert.Null(supernet.Posterior);
        Assert.Null(supernet.Evolution);
        Assert.Contains("\"scores\":[[0.9,1.1,1],[0.7,0.8,0]],\"ranking_distance\":null}", json);
        Assert.Contains("\"scores\":[[0.8,1.2,1.05],[0.9,0.6,0]],\"ranking_distance\":0.5}", json);
        Assert.EndsWith("],\"posterior\":null,\"evolution\":null}", json);
        Assert.DoesNotContain("state", json, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task a_trained_bn_nas_supernet_shows_its_indicator_and_costs_and_the_evolution_with_the_subnets_it_chose()
    {
        var attempt = (await api.Store.BeginSupernetAttemptAsync("bn", TestApi.Start)).Attempts;
        Assert.True(await api.Store.RecordSupernetEpochAsync(SinglePathEpoch("bn", 1, attempt, [[0.9, 1.1, 1.0], [0.7, 0.8, 0]], null), [1]));
        Assert.True(await api.Store.RecordSupernetEpochAsync(SinglePathEpoch("bn", 2, attempt, [[0.8, 1.2, 1.05], [0.9, 0.6, 0]], 0.5), [2]));
        var costs = new SupernetCosts(new SupernetLayerCost(1.5, 1000, 20_000, 4096),
        [
            [new SupernetLayerCost(0.25, 100, 2000, 1024), new SupernetLayerCost(0.5, 300, 6000, 2048), new SupernetLayerCost(0.75, 600, 9000, 3072)],
            [new SupernetLayerCost(0.125, 50, 1000, 512), new SupernetLayerCost(0.375, 150, 3000, 1536), null],
        ]);
        var posterior = new SupernetPosterior(["k3_e1", "k5_e3", "k3_e6"], Uniform, null, null, null, null, 2.25, 2)
        {
            Scores = [[0.8, 1.2, 1.05], [0.9, 0.6, 0]],
            Costs = costs,
        };
        Assert.True(await api.Store.FinishSupernetAsync("bn", attempt, posterior.ToJson(), TestApi.Start.AddMinutes(3)));
        var best = new EvolvedSubnet("k5_e3-k3_e1", 2.1, costs.Of([1, 0]));
        var next = new EvolvedSubnet("k3_e6-k3_e1", 1.95, costs.Of([2, 0]));
        var evolution = new SupernetEvolution([new EvolutionIteration(1, 2.0, 1.6, 7), new EvolutionIteration(2, 2.1, 1.85, 9)], [best, next]);
        Assert.True(await api.Store.RecordSupernetEvolutionAsync("bn", evolution.ToJson(), TestApi.Start.AddMinutes(4)));

        var supernet = await api.GetAsync<SupernetResponse>("/api/v1/campaigns/bn/supernet");
        var json = await api.Client.GetStringAsync("/api/v1/campaigns/bn/supernet");

        Assert.True(supernet.Trained);
        var served = Assert.IsType<SupernetPosteriorItem>(supernet.Posterior);
        Assert.Equal(posterior.Scores, served.Scores);
        var table = Assert.IsType<SupernetCostsItem>(served.Costs);
        Assert.Equal(new SupernetCostItem(1.5, 1000, 20_000, 4096), table.Fixed);
        Assert.Equal(new SupernetCostItem(0.375, 150, 3000, 1536), table.Layers[1][1]);
        Assert.Null(table.Layers[1][2]);
        var evolved = Assert.IsType<SupernetEvolutionItem>(supernet.Evolution);
        Assert.Equal([new EvolutionIterationItem(1, 2.0, 1.6, 7), new EvolutionIterationItem(2, 2.1, 1.85, 9)], evolved.Iterations);
        Assert.Equal(["k5_e3-k3_e1", "k3_e6-k3_e1"], evolved.Chosen.Select(c => c.Architecture));
        Assert.Equal((2.1, new SupernetCostItem(2.125, 1350, 27_000, 4096)), (evolved.Chosen[0].Score, evolved.Chosen[0].Costs));
        Assert.Contains(
            "\"evolution\":{\"iterations\":[{\"iteration\":1,\"best_score\":2,\"mean_score\":1.6,\"feasible\":7}," +
            "{\"iteration\":2,\"best_score\":2.1,\"mean_score\":1.85,\"feasible\":9}],\"chosen\":[{\"architecture\":\"k5_e3-k3_e1\",\"score\":2.1," +
            "\"costs\":{\"latency_ms\":2.125,\"params\":1350,\"macs\":27000,\"peak_activation_bytes\":4096}},", json);
        Assert.Contains(
            "\"scores\":[[0.8,1.2,1.05],[0.9,0.6,0]],\"costs\":{\"fixed\":{\"latency_ms\":1.5,\"params\":1000,\"macs\":20000," +
            "\"peak_activation_bytes\":4096},\"layers\":[[{\"latency_ms\":0.25,", json);
        Assert.Contains("\"peak_activation_bytes\":1536},null]]}},\"evolution\":{", json);
    }

    [Fact]
    public async Task a_trained_bn_nas_supernet_whose_evolution_is_not_recorded_or_cannot_be_read_shows_none()
    {
        var attempt = (await api.Store.BeginSupernetAttemptAsync("bn", TestApi.Start)).Attempts;
        Assert.True(await api.Store.RecordSupernetEpochAsync(SinglePathEpoch("bn", 1, attempt, [[0.9, 1.1, 1.0], [0.7, 0.8, 0]], null), [1]));
        var posterior = new SupernetPosterior(["k3_e1", "k5_e3", "k3_e6"], Uniform, null, null, null, null, 2.25, 1)
        {
            Scores = [[0.9, 1.1, 1.0], [0.7, 0.8, 0]],
            Costs = new SupernetCosts(new SupernetLayerCost(1, 1, 1, 1), [[new(1, 1, 1, 1), new(1, 1, 1, 1), new(1, 1, 1, 1)], [new(1, 1, 1, 1), new(1, 1, 1, 1), null]]),
        };
        Assert.True(await api.Store.FinishSupernetAsync("bn", attempt, posterior.ToJson(), TestApi.Start.AddMinutes(3)));

        var unrecorded = await api.GetAsync<SupernetResponse>("/api/v1/campaigns/bn/supernet");
        Assert.True(await api.Store.RecordSupernetEvolutionAsync("bn", """{"iterations": 3}""", TestApi.Start.AddMinutes(4)));
        var unreadable = await api.GetAsync<SupernetResponse>("/api/v1/campaigns/bn/supernet");

        Assert.Null(unrecorded.Evolution);
        Assert.Null(unreadable.Evolution);
        Assert.True(unreadable.Trained);
        Assert.Equal(posterior.Scores, unreadable.Posterior!.Scores);
        Assert.Single(unreadable.Epochs);
    }

    [Fact]
    public async Task a_differentiable_campaign_whose_supernet_has_not_started_has_no_attempts_and_no_epochs()
    {
        var supernet = await api.GetAsync<SupernetResponse>("/api/v1/campaigns/dnas/supernet");

        Assert.Equal((0, 0, false, 4), (supernet.Attempts, supernet.EpochsDone, supernet.Trained, supernet.EpochsPlanned));
        Assert.Empty(supernet.Epochs);
        Assert.Null(supernet.Posterior);
        Assert.Equal(3, supernet.Candidates.Count);
    }

    [Fact]
    public async Task a_bn_nas_campaign_whose_supernet_has_not_started_has_its_candidates_and_no_epochs()
    {
        var supernet = await api.GetAsync<SupernetResponse>("/api/v1/campaigns/bn/supernet");

        Assert.Equal((0, 0, false, 2), (supernet.Attempts, supernet.EpochsDone, supernet.Trained, supernet.EpochsPlanned));
        Assert.Equal(["k3_e1", "k5_e3", "k3_e6"], supernet.Candidates);
        Assert.Empty(supernet.Epochs);
        Assert.Null(supernet.Evolution);
    }

    [Fact]
    public async Task a_campaign_without_a_supernet_is_a_404_saying_so_and_an_unknown_one_a_404_campaign_not_found()
    {
        using var rl = await api.Client.GetAsync("/api/v1/campaigns/rl/supernet");
        using var unknown = await api.Client.GetAsync("/api/v1/campaigns/nope/supernet");

        var none = await Problem.ReadAsync(rl);
        Assert.Equal((HttpStatusCode.NotFound, "No supernet"), (none.Status, none.Title));
        Assert.Contains("rl strategy, which trains no supernet (fbnet, fbnetv2 and bn-nas do)", none.Detail, StringComparison.Ordinal);
        var missing = await Problem.ReadAsync(unknown);
        Assert.Equal((HttpStatusCode.NotFound, "Campaign not found"), (missing.Status, missing.Title));
    }

    [Fact]
    public async Task a_researcher_sees_no_supernet_of_a_campaign_not_theirs_and_no_key_is_401()
    {
        using var researcher = api.ClientWith(api.Researcher.Plaintext);
        using var theirs = await researcher.GetAsync("/api/v1/campaigns/dnas/supernet");
        using var anonymous = await api.Anonymous.GetAsync("/api/v1/campaigns/dnas/supernet");

        var refused = await Problem.ReadAsync(theirs);
        Assert.Equal((HttpStatusCode.NotFound, "Campaign not found"), (refused.Status, refused.Title));
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
    }

    [Fact]
    public async Task an_epoch_list_is_served_as_recorded_even_when_the_posterior_cannot_be_read()
    {
        var attempt = (await api.Store.BeginSupernetAttemptAsync("dnas", TestApi.Start)).Attempts;
        Assert.True(await api.Store.RecordSupernetEpochAsync(Epoch("dnas", 1, attempt), [7]));
        Assert.True(await api.Store.FinishSupernetAsync("dnas", attempt, """{"candidates": []}""", TestApi.Start.AddMinutes(3)));

        var supernet = await api.GetAsync<SupernetResponse>("/api/v1/campaigns/dnas/supernet");

        Assert.True(supernet.Trained);
        Assert.Null(supernet.Posterior);
        Assert.Single(supernet.Epochs);
    }

    /// <summary>A single-path supernet's epoch as the worker reports it: τ 0, θ never trained, the uniform sampling distribution.</summary>
    private static SupernetEpochRecord SinglePathEpoch(string campaign, int epoch, int attempt, IReadOnlyList<IReadOnlyList<double>> scores, double? rankingDistance) =>
        new(campaign, epoch, attempt, 0, 2.0 / epoch, 2.0 / epoch, false, 2.25, Uniform, null, null, 15.0, TestApi.Start.AddMinutes(epoch), scores, rankingDistance);

    private static SupernetEpochRecord Epoch(string campaign, int epoch, int attempt, IReadOnlyList<IReadOnlyList<double>>? distributions = null,
        IReadOnlyList<IReadOnlyList<double>>? widths = null, IReadOnlyList<double>? resolutions = null, bool thetaTrained = true) =>
        new(campaign, epoch, attempt, 5.0 * Math.Pow(0.9, epoch - 1), 1.5, 1.25, thetaTrained, 12.5, distributions ?? Theta, widths, resolutions, 30.0,
            TestApi.Start.AddMinutes(epoch));
}
