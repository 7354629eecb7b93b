using System.Net;
using System.Text.Json;
using Mnas.Api.Search;
using Mnas.Campaigns;

namespace Mnas.Api.Tests;

/// <summary><c>GET /campaigns/{id}/search</c> of a memnas campaign over a real SQLite store: its rounds, and its accuracy × memory front.</summary>
public sealed class MemnasSearchEndpointTests : IAsyncLifetime
{
    private TestApi api = null!;
    private MemnasSeed seed = null!;

    public async Task InitializeAsync()
    {
        api = await TestApi.StartAsync();
        seed = new MemnasSeed(api.Store);
        await seed.CreateAsync("mem");
    }

    public async Task DisposeAsync() => await api.DisposeAsync();

    [Fact]
    public async Task a_memnas_campaign_shows_each_rounds_base_candidates_with_predicted_and_measured_rank_and_next_base()
    {
        await seed.AddChildrenAsync("mem");
        await seed.RecordRoundsAsync("mem");

        var search = await api.GetAsync<SearchResponse>("/api/v1/campaigns/mem/search");

        Assert.Equal(("memnas", "grow-trim", 0), (search.Strategy, search.Stage, search.LatencyTableSize));
        Assert.Equal(MemnasSeed.Rounds.Select(r => (r.Round, r.Stage, r.Iteration)), search.Rounds.Select(r => (r.Round, r.Stage, r.Iteration)));
        Assert.Equal(MemnasSeed.Rounds.Select(r => TestApi.Start.AddMinutes(r.Round)), search.Rounds.Select(r => r.RecordedAt));
        for (var i = 0; i < MemnasSeed.Rounds.Count; i++)
        {
            var seeded = MemnasSeed.Rounds[i];
            var round = search.Rounds[i];
            Assert.Equal((seeded.Base!.Sequence, seeded.Base.Architecture, seeded.Base.Accuracy, seeded.Base.ParamBytes, seeded.Base.PeakActivationBytes),
                (round.Base!.Sequence, round.Base.Architecture, round.Base.Accuracy, round.Base.ParamBytes, round.Base.PeakActivationBytes));
            Assert.Equal(seeded.Base.ParamBytes + seeded.Base.PeakActivationBytes, round.Base.TotalBytes);
            Assert.Equal(seeded.NextBase?.Sequence, round.NextBase?.Sequence);
            Assert.Equal((seeded.ControllerLoss, seeded.RankedBy, seeded.KendallTau), (round.ControllerLoss, round.RankedBy, round.KendallTau));
            Assert.Equal(
                seeded.Candidates?.Select(c => (c.Operation, c.Architecture, c.ParamBytes, c.PeakActivationBytes, c.ParamBytes + c.PeakActivationBytes,
                    c.Predicted, c.PredictedRank, c.Sequence, c.Accuracy, c.Measured, c.MeasuredRank)),
                round.Candidates?.Select(c => (c.Operation, c.Architecture, c.ParamBytes, c.PeakActivationBytes, c.TotalBytes, c.Predicted, c.PredictedRank,
                    c.Sequence, c.Accuracy, c.Measured, c.MeasuredRank)));
            Assert.Empty(round.Points);
        }

        Assert.Null(search.Rounds[0].Candidates);
        Assert.Equal(2, search.Rounds[1].NextBase!.Sequence);
        Assert.Null(search.Rounds[2].NextBase);
    }

    [Fact]
    public async Task the_memory_front_holds_the_done_children_no_other_beats_on_accuracy_and_total_memory_and_marks_the_dominated_off()
    {
        await seed.AddChildrenAsync("mem");
        var (first, trimmed, widened, deepened) = (MemnasSeed.Memory(MemnasSeed.FirstBase), MemnasSeed.Memory(MemnasSeed.TrimmedB2),
            MemnasSeed.Memory(MemnasSeed.Widened), MemnasSeed.Memory(MemnasSeed.Deepened));
        // What makes the seed's front: the trim is more accurate than the first base with less memory, and the deepened
        // network less accurate than the trim with more; the widened one is the most accurate and needs the most memory.
        Assert.True(trimmed.TotalBytes < first.TotalBytes, $"the trim needs {trimmed.TotalBytes} B, the first base {first.TotalBytes} B");
        Assert.True(deepened.TotalBytes > trimmed.TotalBytes, $"the deepened network needs {deepened.TotalBytes} B, the trim {trimmed.TotalBytes} B");
        Assert.True(widened.TotalBytes > first.TotalBytes, $"the widened network needs {widened.TotalBytes} B, the first base {first.TotalBytes} B");

        var search = await api.GetAsync<SearchResponse>("/api/v1/campaigns/mem/search");

        var points = search.MemoryFront!;
        Assert.Equal([1L, 2, 3, 4], points.Select(p => p.Sequence));
        Assert.Equal([false, true, true, false], points.Select(p => p.OnFront));
        foreach (var point in points)
        {
            var (_, sample, accuracy) = MemnasSeed.Children.Single(c => c.Sequence == point.Sequence);
            var memory = MemnasSeed.Memory(sample);
            Assert.Equal((sample.Canonical, accuracy!.Value, memory.ParamBytes, memory.PeakActivationBytes, memory.TotalBytes),
                (point.Architecture, point.Accuracy, point.ParamBytes, point.PeakActivationBytes, point.TotalBytes));
        }
    }

    [Fact]
    public async Task a_child_as_accurate_as_one_on_the_front_with_as_much_memory_is_not_listed_on_it_twice()
    {
        await seed.AddChildrenAsync("mem");
        // Child 6 repeats child 3's network and accuracy (a reused child): the same trade-off, listed once, by the first.
        var child = await api.Store.AddChildAsync(new Child("mem", 6, MemnasSeed.Widened.Canonical, MemnasSeed.Widened.ToTokens(), 0, 0,
            ChildStatus.Sampled, 1, null, null, null, TestApi.Start));
        await api.Store.UpdateChildAsync(child with { Status = ChildStatus.Done, Metrics = new ChildMetrics(0.875, 1, 1, 1, 1, 1), Reward = 0.875 });

        var search = await api.GetAsync<SearchResponse>("/api/v1/campaigns/mem/search");

        Assert.Equal([false, true, true, false, false], search.MemoryFront!.Select(p => p.OnFront));
    }

    [Fact]
    public async Task a_child_whose_network_the_space_cannot_read_is_left_out_of_the_front()
    {
        await seed.AddChildrenAsync("mem");
        var child = await api.Store.AddChildAsync(new Child("mem", 6, "b1.op=unknown", [0], 0, 0, ChildStatus.Sampled, 1, null, null, null, TestApi.Start));
        await api.Store.UpdateChildAsync(child with { Status = ChildStatus.Done, Metrics = new ChildMetrics(0.99, 1, 1, 1, 1, 1), Reward = 0.99 });

        var search = await api.GetAsync<SearchResponse>("/api/v1/campaigns/mem/search");

        Assert.Equal([1L, 2, 3, 4], search.MemoryFront!.Select(p => p.Sequence));
    }

    [Fact]
    public async Task a_memnas_search_not_begun_has_no_rounds_and_an_empty_front()
    {
        var search = await api.GetAsync<SearchResponse>("/api/v1/campaigns/mem/search");

        Assert.Equal(("memnas", null, 0), (search.Strategy, search.Stage, search.LatencyTableSize));
        Assert.Empty(search.Rounds);
        Assert.Empty(search.MemoryFront!);
    }

    [Fact]
    public async Task the_memnas_fields_are_served_with_the_apis_snake_case_names_and_an_fbnetv3_search_has_no_memory_front()
    {
        await seed.AddChildrenAsync("mem");
        await seed.RecordRoundsAsync("mem");
        await new Fbnetv3Seed(api.Store).CreateAsync("v3");

        var json = await api.Client.GetStringAsync("/api/v1/campaigns/mem/search");
        var v3 = JsonDocument.Parse(await api.Client.GetStringAsync("/api/v1/campaigns/v3/search")).RootElement;

        var trim = MemnasSeed.Rounds[1].Candidates![0];
        Assert.StartsWith("{\"strategy\":\"memnas\",\"stage\":\"grow-trim\",\"rounds\":[{\"round\":1,\"stage\":\"base\",\"iteration\":0,", json);
        Assert.Contains(
            "{\"operation\":\"trim b2 layer\",\"architecture\":\"" + trim.Architecture + "\",\"param_bytes\":" + trim.ParamBytes +
            ",\"peak_activation_bytes\":" + trim.PeakActivationBytes + ",\"total_bytes\":" + (trim.ParamBytes + trim.PeakActivationBytes) +
            ",\"predicted\":0.5,\"predicted_rank\":1,\"sequence\":2,\"accuracy\":0.8125,\"measured\":0.0625,\"measured_rank\":1}", json);
        Assert.Contains("\"next_base\":{\"sequence\":2,", json);
        Assert.Contains("\"controller_loss\":0.0625,\"ranked_by\":\"prior\",\"kendall_tau\":1,", json);
        Assert.Contains("\"latency_table_size\":0,\"memory_front\":[{\"sequence\":1,", json);
        Assert.Contains("\"on_front\":false}", json);
        Assert.False(v3.TryGetProperty("memory_front", out _));
    }

    [Fact]
    public async Task an_unknown_campaign_or_anothers_is_not_found_and_a_researcher_sees_their_own()
    {
        await seed.CreateAsync("mine", owner: api.Researcher.Id);
        await seed.RecordRoundsAsync("mine");
        using var researcher = api.ClientWith(api.Researcher.Plaintext);

        using var unknown = await api.Client.GetAsync("/api/v1/campaigns/nope/search");
        using var others = await researcher.GetAsync("/api/v1/campaigns/mem/search");
        using var own = await researcher.GetAsync("/api/v1/campaigns/mine/search");

        Assert.Equal(("Campaign not found", HttpStatusCode.NotFound), ((await Problem.ReadAsync(unknown)).Title, unknown.StatusCode));
        Assert.Equal(("Campaign not found", HttpStatusCode.NotFound), ((await Problem.ReadAsync(others)).Title, others.StatusCode));
        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        Assert.Equal(MemnasSeed.Rounds.Count, JsonDocument.Parse(await own.Content.ReadAsStringAsync()).RootElement.GetProperty("rounds").GetArrayLength());
    }
}
