using System.Net;
using System.Text.Json;
using Mnas.Api.Search;
using Mnas.Campaigns;
using Mnas.SearchSpace.Predictor;

namespace Mnas.Api.Tests;

/// <summary><c>GET /campaigns/{id}/search</c> over a real SQLite store, the search's steps written through the store's own methods.</summary>
public sealed class SearchEndpointTests : IAsyncLifetime
{
    private TestApi api = null!;
    private Fbnetv3Seed seed = null!;

    public async Task InitializeAsync()
    {
        api = await TestApi.StartAsync();
        seed = new Fbnetv3Seed(api.Store);
        await seed.CreateAsync("v3");
    }

    public async Task DisposeAsync() => await api.DisposeAsync();

    [Fact]
    public async Task an_fbnetv3_campaign_shows_every_step_in_order_the_stage_it_is_in_and_its_latency_tables_size()
    {
        await seed.RecordStepsAsync("v3");
        await api.Store.AddLatencyEntriesAsync("v3", new Dictionary<string, double> { ["conv|a"] = 0.5, ["conv|b"] = 1.25, ["pool|c"] = 0.125 });

        var search = await api.GetAsync<SearchResponse>("/api/v1/campaigns/v3/search");

        Assert.Equal(("fbnetv3", "fine", 3), (search.Strategy, search.Stage, search.LatencyTableSize));
        Assert.Equal(Fbnetv3Seed.Steps.Select(s => (s.Round, s.Stage, s.Iteration)), search.Rounds.Select(r => (r.Round, r.Stage, r.Iteration)));
        Assert.Equal(Fbnetv3Seed.Steps.Select(s => TestApi.Start.AddMinutes(s.Round)), search.Rounds.Select(r => r.RecordedAt));
        Assert.Equal(0.0125, search.Rounds[0].PretrainLoss);
        var coarse = search.Rounds[1];
        var seeded = Fbnetv3Seed.Steps[1].Points;
        Assert.Equal(seeded.Select(p => (p.Sequence, p.Architecture, p.Predicted, p.Measured)),
            coarse.Points.Select(p => (p.Sequence, p.Architecture, p.Predicted, p.Measured)));
        Assert.Equal((null, 2, null, null), (coarse.KendallTau, coarse.FittedOn, coarse.BestPredicted, coarse.MeanPredicted));
        Assert.All(coarse.Points, p => Assert.Null(p.Predicted));
        Assert.Equal((1.0, 4), (search.Rounds[2].KendallTau, search.Rounds[2].FittedOn));
        Assert.Equal([(null, null), (null, null), (null, null), (12, 4), (14, 2)], search.Rounds.Select(r => (r.Feasible, r.Rejected)));
        Assert.Equal([null, null, 0.75, 0.8, 0.825], search.Rounds.Select(r => r.BestPredicted));
    }

    [Fact]
    public async Task the_search_is_served_with_the_apis_snake_case_names()
    {
        await seed.RecordStepsAsync("v3");

        var json = await api.Client.GetStringAsync("/api/v1/campaigns/v3/search");

        Assert.StartsWith("{\"strategy\":\"fbnetv3\",\"stage\":\"fine\",\"rounds\":[{\"round\":1,\"stage\":\"pretrain\",\"iteration\":0,", json);
        Assert.Contains(
            "\"points\":[{\"sequence\":4,\"architecture\":\"" + Fbnetv3Seed.Name(4, Fbnetv3Seed.AdamW) + "\",\"predicted\":0.75,\"measured\":0.625}," +
            "{\"sequence\":5,", json);
        Assert.Contains("\"kendall_tau\":1,\"fitted_on\":4,\"best_predicted\":0.75,\"mean_predicted\":0.625,\"feasible\":null,\"rejected\":null,\"pretrain_loss\":null}", json);
        Assert.Contains("\"feasible\":14,\"rejected\":2,", json);
        Assert.EndsWith("],\"latency_table_size\":0}", json);
    }

    [Fact]
    public async Task a_search_not_begun_has_no_steps_and_no_stage()
    {
        var search = await api.GetAsync<SearchResponse>("/api/v1/campaigns/v3/search");

        Assert.Equal(("fbnetv3", null, 0), (search.Strategy, search.Stage, search.LatencyTableSize));
        Assert.Empty(search.Rounds);
    }

    [Fact]
    public async Task a_step_recorded_again_is_shown_as_it_was_last_recorded()
    {
        await seed.RecordStepsAsync("v3");
        var again = new SearchRound(5, SearchRound.Final) { Points = [new(9, Fbnetv3Seed.Name(9, Fbnetv3Seed.Sgd), 0.875, 0.75)], FittedOn = 6 };
        await api.Store.RecordSearchRoundAsync(new SearchRoundRecord("v3", 5, again.Stage, again.ToJson(), TestApi.Start.AddHours(1)));

        var search = await api.GetAsync<SearchResponse>("/api/v1/campaigns/v3/search");

        Assert.Equal("final", search.Stage);
        Assert.Equal(5, search.Rounds.Count);
        Assert.Equal((9L, 0.875, 0.75), (search.Rounds[^1].Points.Single().Sequence, search.Rounds[^1].Points.Single().Predicted,
            search.Rounds[^1].Points.Single().Measured));
    }

    [Fact]
    public async Task a_step_whose_document_this_version_cannot_read_keeps_its_number_stage_and_time()
    {
        await api.Store.RecordSearchRoundAsync(new SearchRoundRecord("v3", 1, "later-stage", """{"round":"one"}""", TestApi.Start));

        var search = await api.GetAsync<SearchResponse>("/api/v1/campaigns/v3/search");

        var round = Assert.Single(search.Rounds);
        Assert.Equal((1, "later-stage", TestApi.Start, 0), (round.Round, round.Stage, round.RecordedAt, round.Points.Count));
        Assert.Equal("later-stage", search.Stage);
    }

    [Theory]
    [InlineData("rl")]
    [InlineData("fbnet")]
    [InlineData("bn-nas")]
    public async Task a_campaign_of_another_strategy_has_no_predictor_search(string strategy)
    {
        await seed.CreateAsync("other", strategy: strategy);

        using var response = await api.Client.GetAsync("/api/v1/campaigns/other/search");

        var problem = await Problem.ReadAsync(response);
        Assert.Equal((HttpStatusCode.NotFound, "No predictor search"), (problem.Status, problem.Title));
        Assert.Contains($"the {strategy} strategy", problem.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task an_unknown_campaign_or_anothers_is_not_found_and_a_researcher_sees_their_own()
    {
        await seed.CreateAsync("mine", owner: api.Researcher.Id);
        await seed.RecordStepsAsync("mine");
        using var researcher = api.ClientWith(api.Researcher.Plaintext);

        using var unknown = await api.Client.GetAsync("/api/v1/campaigns/nope/search");
        using var others = await researcher.GetAsync("/api/v1/campaigns/v3/search");
        using var own = await researcher.GetAsync("/api/v1/campaigns/mine/search");
        using var anonymous = await api.Anonymous.GetAsync("/api/v1/campaigns/v3/search");

        Assert.Equal("Campaign not found", (await Problem.ReadAsync(unknown)).Title);
        Assert.Equal(("Campaign not found", HttpStatusCode.NotFound), ((await Problem.ReadAsync(others)).Title, others.StatusCode));
        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        Assert.Equal(5, JsonDocument.Parse(await own.Content.ReadAsStringAsync()).RootElement.GetProperty("rounds").GetArrayLength());
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
    }

    [Fact]
    public async Task a_search_step_arrives_on_the_event_stream_as_its_type_with_its_figures()
    {
        await seed.RecordStepsAsync("v3");
        await api.Store.AppendEventAsync("v3", "search", "step 3: coarse round 2, 2 children, τ 1.0000, best predicted 0.7500, predictor fitted on 4",
            TestApi.Start);
        await api.Store.AppendEventAsync("v3", "search", "step 9: fine iteration 5, best predicted 0.9000", TestApi.Start);

        await using var stream = await SseClient.OpenAsync(api.Client, "/api/v1/campaigns/v3/events/stream");
        var messages = await stream.NextAsync(2);

        // Step 9 is not in the store: its event is passed on as it was written.
        Assert.Equal(["search-round", "event"], messages.Select(m => m.Type));
        Assert.Equal(
            """{"round":3,"stage":"coarse","iteration":2,"points":2,"kendall_tau":1,"fitted_on":4,"best_predicted":0.75,"mean_predicted":0.625,"feasible":null,"rejected":null,"pretrain_loss":null}""",
            messages[0].Data.GetRawText());
        Assert.Equal("search", messages[1].Data.GetProperty("kind").GetString());
    }
}
