using System.Net;
using Mnas.Api.Children;
using Mnas.Campaigns;

namespace Mnas.Api.Tests;

public sealed class ChildEndpointTests : IAsyncLifetime
{
    private TestApi api = null!;
    private CampaignSeed seed = null!;

    public async Task InitializeAsync()
    {
        api = await TestApi.StartAsync();
        seed = new CampaignSeed(api.Store);
        await seed.CreateAsync("c1");
    }

    public async Task DisposeAsync() => await api.DisposeAsync();

    [Fact]
    public async Task children_come_in_pages_with_the_total_that_match()
    {
        for (var i = 1; i <= 7; i++)
        {
            await seed.InStatusAsync("c1", i, ChildStatus.Queued);
        }

        var first = await api.GetAsync<ChildPage>("/api/v1/campaigns/c1/children?page_size=3");
        var last = await api.GetAsync<ChildPage>("/api/v1/campaigns/c1/children?page=3&page_size=3");
        var past = await api.GetAsync<ChildPage>("/api/v1/campaigns/c1/children?page=9&page_size=3");
        var all = await api.GetAsync<ChildPage>("/api/v1/campaigns/c1/children");

        Assert.Equal([1L, 2, 3], first.Items.Select(c => c.Sequence));
        Assert.Equal((1, 3, 7), (first.Page, first.PageSize, first.Total));
        Assert.Equal([7L], last.Items.Select(c => c.Sequence));
        Assert.Equal((3, 7), (last.Page, last.Total));
        Assert.Empty(past.Items);
        Assert.Equal(7, past.Total);
        Assert.Equal((1, 50, 7), (all.Page, all.PageSize, all.Total));
    }

    public static TheoryData<string, long[]> Sorts => new()
    {
        // Children 1–3 are done: accuracy 0.8, 0.9, 0.7; latency 30, 10, 20; reward 0.5, 0.4, 0.6; updated at +3, +1, +2 minutes.
        // Child 4 failed without metrics (updated at +0): last whichever way a metric sorts.
        { "sort=sequence&order=asc", [1, 2, 3, 4] },
        { "sort=sequence&order=desc", [4, 3, 2, 1] },
        { "sort=accuracy&order=asc", [3, 1, 2, 4] },
        { "sort=accuracy&order=desc", [2, 1, 3, 4] },
        { "sort=latency_ms&order=asc", [2, 3, 1, 4] },
        { "sort=latency_ms&order=desc", [1, 3, 2, 4] },
        { "sort=reward&order=asc", [2, 1, 3, 4] },
        { "sort=reward&order=desc", [3, 1, 2, 4] },
        { "sort=updated_at&order=asc", [4, 2, 3, 1] },
        { "sort=updated_at&order=desc", [1, 3, 2, 4] },
        { "sort=reward", [2, 1, 3, 4] },
    };

    [Theory]
    [MemberData(nameof(Sorts))]
    public async Task children_sort_by_each_key_both_ways(string query, long[] expected)
    {
        await seed.DoneAsync("c1", 1, accuracy: 0.8, latencyMs: 30, reward: 0.5, minutes: 3);
        await seed.DoneAsync("c1", 2, accuracy: 0.9, latencyMs: 10, reward: 0.4, minutes: 1);
        await seed.DoneAsync("c1", 3, accuracy: 0.7, latencyMs: 20, reward: 0.6, minutes: 2);
        await seed.InStatusAsync("c1", 4, ChildStatus.Failed);

        var page = await api.GetAsync<ChildPage>($"/api/v1/campaigns/c1/children?{query}");

        Assert.Equal(expected, page.Items.Select(c => c.Sequence));
    }

    [Fact]
    public async Task children_filter_by_status_and_the_total_counts_only_those()
    {
        await seed.DoneAsync("c1", 1, 0.8, 30, 0.5);
        await seed.InStatusAsync("c1", 2, ChildStatus.Failed);
        await seed.DoneAsync("c1", 3, 0.7, 20, 0.6);
        await seed.InStatusAsync("c1", 4, ChildStatus.Training);

        var done = await api.GetAsync<ChildPage>("/api/v1/campaigns/c1/children?status=done&sort=reward&order=desc");
        var failed = await api.GetAsync<ChildPage>("/api/v1/campaigns/c1/children?status=failed");

        Assert.Equal([3L, 1], done.Items.Select(c => c.Sequence));
        Assert.Equal(2, done.Total);
        var broken = Assert.Single(failed.Items);
        Assert.Equal((2L, ChildStatus.Failed, "broken"), (broken.Sequence, broken.Status, broken.FailureReason));
        Assert.Null(broken.Accuracy);
    }

    [Fact]
    public async Task a_child_item_is_written_in_snake_case_with_null_metrics_when_absent()
    {
        await seed.DoneAsync("c1", 1, 0.8, 30, 0.5);
        await seed.InStatusAsync("c1", 2, ChildStatus.Queued);

        var json = await api.Client.GetStringAsync("/api/v1/campaigns/c1/children");

        Assert.Contains("\"latency_ms\":30", json);
        Assert.Contains("\"peak_activation_bytes\":3000", json);
        Assert.Contains("\"status\":\"done\"", json);
        Assert.Contains("\"status\":\"queued\",\"attempts\":1,\"architecture\":\"arch-2\",\"accuracy\":null", json);
        Assert.Contains("\"page_size\":50", json);
    }

    [Theory]
    [InlineData("status=finished", "status")]
    [InlineData("status=Done", "status")]
    [InlineData("sort=size", "sort")]
    [InlineData("order=up", "order")]
    [InlineData("page=0", "page")]
    [InlineData("page=-1", "page")]
    [InlineData("page=abc", "page")]
    [InlineData("page=1.5", "page")]
    [InlineData("page=99999999999999999999", "page")]
    [InlineData("page_size=0", "page_size")]
    [InlineData("page_size=501", "page_size")]
    [InlineData("page_size=", "page_size")]
    public async Task a_bad_parameter_is_a_400_naming_it(string query, string parameter)
    {
        using var response = await api.Client.GetAsync($"/api/v1/campaigns/c1/children?{query}");
        var problem = await Problem.ReadAsync(response);

        Assert.Equal(HttpStatusCode.BadRequest, problem.Status);
        var errors = problem.Body.GetProperty("errors");
        Assert.Equal([parameter], errors.EnumerateObject().Select(p => p.Name));
        Assert.Contains("(got '", errors.GetProperty(parameter)[0].GetString());
    }

    [Fact]
    public async Task every_bad_parameter_is_named_in_one_answer()
    {
        using var response = await api.Client.GetAsync("/api/v1/campaigns/c1/children?status=x&sort=y&order=z&page=0&page_size=1000");
        var problem = await Problem.ReadAsync(response);

        Assert.Equal(["order", "page", "page_size", "sort", "status"], problem.Body.GetProperty("errors").EnumerateObject().Select(p => p.Name).Order());
    }

    [Fact]
    public async Task children_of_an_unknown_campaign_are_404()
    {
        using var list = await api.Client.GetAsync("/api/v1/campaigns/nope/children");
        using var one = await api.Client.GetAsync("/api/v1/campaigns/nope/children/1");

        Assert.Equal(HttpStatusCode.NotFound, (await Problem.ReadAsync(list)).Status);
        Assert.Equal("no campaign 'nope'", (await Problem.ReadAsync(one)).Detail);
    }

    [Fact]
    public async Task one_child_shows_its_tokens_policy_events_and_curve()
    {
        await seed.DoneAsync("c1", 1, 0.8, 30, 0.5);
        await seed.DoneAsync("c1", 12, 0.85, 25, 0.55);
        await api.Store.AppendEventAsync("c1", "retry", "child 1 attempt 1 failed (oom); trying again as attempt 2", TestApi.Start);
        await api.Store.AppendEventAsync("c1", "done", "child 12 attempt 1 done: reward 0.5500", TestApi.Start);
        await api.Store.AppendEventAsync("c1", "done", "child 1 attempt 2 done: reward 0.5000", TestApi.Start.AddMinutes(1));
        await api.Store.AppendEventAsync("c1", "reused", "child 13 has the architecture of child 1: its result is reused", TestApi.Start.AddMinutes(2));
        await api.Store.SaveChildCurveAsync("c1", 1, [new(1, 2.0, 0.5), new(2, 1.0, 0.8)]);

        var child = await api.GetAsync<ChildDetail>("/api/v1/campaigns/c1/children/1");

        Assert.Equal((1L, ChildStatus.Done, 0.8, 0.5), (child.Sequence, child.Status, child.Accuracy!.Value, child.Reward!.Value));
        Assert.Equal([1, 2, 1], child.Tokens);
        Assert.Equal((0L, -1.5), (child.PolicyVersion, child.LogProbability));
        Assert.Equal([1L, 3, 4], child.Events.Select(e => e.Id));
        Assert.Equal(["retry", "done", "reused"], child.Events.Select(e => e.Kind));
        Assert.Equal([new CurvePoint(1, 2.0, 0.5), new CurvePoint(2, 1.0, 0.8)], child.Curve);
        Assert.Empty((await api.GetAsync<ChildDetail>("/api/v1/campaigns/c1/children/12")).Curve);
        Assert.Contains("\"validation_accuracy\":0.8", await api.Client.GetStringAsync("/api/v1/campaigns/c1/children/1"));
    }

    [Fact]
    public async Task an_unknown_child_is_404_and_a_bad_sequence_400_naming_it()
    {
        using var unknown = await api.Client.GetAsync("/api/v1/campaigns/c1/children/5");
        using var bad = await api.Client.GetAsync("/api/v1/campaigns/c1/children/zero");

        var problem = await Problem.ReadAsync(unknown);
        Assert.Equal((HttpStatusCode.NotFound, "campaign 'c1' has no child 5"), (problem.Status, problem.Detail));
        Assert.True((await Problem.ReadAsync(bad)).Body.GetProperty("errors").TryGetProperty("sequence", out _));
    }
}
