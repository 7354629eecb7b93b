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

    private static readonly IReadOnlyList<IReadOnlyList<double>> Theta = [[0.5, 0.3, 0.2], [0.1, 0.7, 0.2]];

    private TestApi api = null!;
    private CampaignSeed seed = null!;

    public async Task InitializeAsync()
    {
        api = await TestApi.StartAsync();
        seed = new CampaignSeed(api.Store);
        await seed.CreateAsync("dnas", FbnetSpec, "fbnet");
        await seed.CreateAsync("masks", Fbnetv2Spec, "fbnetv2");
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
        Assert.EndsWith("],\"posterior\":null}", json);
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
    public async Task a_campaign_without_a_supernet_is_a_404_saying_so_and_an_unknown_one_a_404_campaign_not_found()
    {
        using var rl = await api.Client.GetAsync("/api/v1/campaigns/rl/supernet");
        using var unknown = await api.Client.GetAsync("/api/v1/campaigns/nope/supernet");

        var none = await Problem.ReadAsync(rl);
        Assert.Equal((HttpStatusCode.NotFound, "No supernet"), (none.Status, none.Title));
        Assert.Contains("rl strategy, which trains no supernet", none.Detail, StringComparison.Ordinal);
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

    private static SupernetEpochRecord Epoch(string campaign, int epoch, int attempt, IReadOnlyList<IReadOnlyList<double>>? distributions = null,
        IReadOnlyList<IReadOnlyList<double>>? widths = null, IReadOnlyList<double>? resolutions = null, bool thetaTrained = true) =>
        new(campaign, epoch, attempt, 5.0 * Math.Pow(0.9, epoch - 1), 1.5, 1.25, thetaTrained, 12.5, distributions ?? Theta, widths, resolutions, 30.0,
            TestApi.Start.AddMinutes(epoch));
}
