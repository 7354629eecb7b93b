using System.Net;
using Mnas.Api.Children;
using Mnas.Campaigns;
using Mnas.Costs;
using Mnas.Costs.Graph;
using Mnas.Costs.Memory;

namespace Mnas.Api.Tests;

/// <summary><c>GET /campaigns/{id}/children/{sequence}/memory</c> over a real SQLite store: a child's memory breakdown and lifetime chart, of its target view.</summary>
public sealed class ChildMemoryEndpointTests : IAsyncLifetime
{
    private TestApi api = null!;
    private MemnasSeed seed = null!;

    public async Task InitializeAsync()
    {
        api = await TestApi.StartAsync();
        seed = new MemnasSeed(api.Store);
        await seed.CreateAsync("mem");
        await seed.AddChildrenAsync("mem");
    }

    public async Task DisposeAsync() => await api.DisposeAsync();

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public async Task a_childs_memory_is_its_target_views_parameters_and_peak_by_the_cost_analysis(long sequence)
    {
        var target = MemnasSeed.Space.Freeze(MemnasSeed.Children.Single(c => c.Sequence == sequence).Sample);
        var costs = CostAnalysis.Analyze(target);

        var memory = await api.GetAsync<ChildMemoryResponse>($"/api/v1/campaigns/mem/children/{sequence}/memory");

        Assert.Equal((sequence, target.Name), (memory.Sequence, memory.Architecture));
        Assert.Equal((costs.ParamBytes, costs.PeakActivationBytes, costs.ParamBytes + costs.PeakActivationBytes),
            (memory.ParamBytes, memory.PeakActivationBytes, memory.TotalBytes));
    }

    [Fact]
    public async Task the_lifetime_chart_is_the_live_bytes_of_every_execution_step_with_the_peak_marked()
    {
        var graph = LayerGraph.FromArchitecture(MemnasSeed.Space.Freeze(MemnasSeed.TrimmedB2));
        var live = LifetimeAnalysis.LiveBytesPerStep(LifetimeAnalysis.ToTensorNodes(graph));
        var peak = LifetimeAnalysis.Peak(graph);

        var memory = await api.GetAsync<ChildMemoryResponse>("/api/v1/campaigns/mem/children/2/memory");

        Assert.Equal(live, memory.Steps.Select(s => s.LiveBytes));
        Assert.Equal(Enumerable.Range(0, graph.Nodes.Count), memory.Steps.Select(s => s.Step));
        Assert.Equal(graph.Nodes.Select(n => (n.Name, n.Kind, n.OutputBytes)), memory.Steps.Select(s => (s.Name, s.Kind, s.OutputBytes)));
        Assert.Equal((peak.Step, graph.Nodes[peak.Step].Name), (memory.PeakStep, memory.PeakNode));
        Assert.Equal(memory.PeakActivationBytes, memory.Steps[memory.PeakStep].LiveBytes);
        Assert.Equal(memory.PeakActivationBytes, memory.Steps.Max(s => s.LiveBytes));
        Assert.Equal((OpKind.Input, OpKind.Linear), (memory.Steps[0].Kind, memory.Steps[^1].Kind));
    }

    [Fact]
    public async Task a_failed_child_and_a_child_of_another_strategy_have_their_memory_too()
    {
        await new CampaignSeed(api.Store).CreateAsync("reinforced", CampaignSpecJson());
        var sample = MemnasSeed.Widened;
        await api.Store.AddChildAsync(new Child("reinforced", 1, sample.Canonical, sample.ToTokens(), -1.5, 0, ChildStatus.Sampled, 1, null, null, null,
            TestApi.Start));
        var widened = MemoryFootprint.Of(MemnasSeed.Space.Freeze(sample));
        var failed = MemoryFootprint.Of(MemnasSeed.Space.Freeze(MemnasSeed.SecondSkipTrimmed));

        var reinforced = await api.GetAsync<ChildMemoryResponse>("/api/v1/campaigns/reinforced/children/1/memory");
        var fifth = await api.GetAsync<ChildMemoryResponse>("/api/v1/campaigns/mem/children/5/memory");

        Assert.Equal((widened.ParamBytes, widened.PeakActivationBytes), (reinforced.ParamBytes, reinforced.PeakActivationBytes));
        Assert.Equal((failed.ParamBytes, failed.PeakActivationBytes), (fifth.ParamBytes, fifth.PeakActivationBytes));
    }

    [Fact]
    public async Task the_breakdown_is_served_with_the_apis_snake_case_names()
    {
        var json = await api.Client.GetStringAsync("/api/v1/campaigns/mem/children/1/memory");

        Assert.StartsWith("{\"sequence\":1,\"architecture\":\"" + MemnasSeed.FirstBase.Canonical + "\",\"param_bytes\":", json);
        Assert.Contains(",\"peak_activation_bytes\":", json);
        Assert.Contains(",\"total_bytes\":", json);
        Assert.Contains(",\"peak_step\":", json);
        Assert.Contains(",\"steps\":[{\"step\":0,\"name\":", json);
        Assert.Contains("\"kind\":\"input\",\"output_bytes\":", json);
        Assert.Contains("\"kind\":\"depthwise_conv\"", json);
    }

    [Fact]
    public async Task an_unknown_campaign_or_child_is_not_found_and_a_bad_sequence_is_refused()
    {
        using var campaign = await api.Client.GetAsync("/api/v1/campaigns/nope/children/1/memory");
        using var child = await api.Client.GetAsync("/api/v1/campaigns/mem/children/99/memory");
        using var bad = await api.Client.GetAsync("/api/v1/campaigns/mem/children/first/memory");

        var campaignProblem = await Problem.ReadAsync(campaign);
        var childProblem = await Problem.ReadAsync(child);
        Assert.Equal((HttpStatusCode.NotFound, "Campaign not found", "no campaign 'nope'"), (campaignProblem.Status, campaignProblem.Title, campaignProblem.Detail));
        Assert.Equal((HttpStatusCode.NotFound, "Child not found", "campaign 'mem' has no child 99"), (childProblem.Status, childProblem.Title, childProblem.Detail));
        var problem = await Problem.ReadAsync(bad);
        Assert.Equal(HttpStatusCode.BadRequest, problem.Status);
        Assert.Contains("whole number", problem.Body.GetProperty("errors").GetProperty("sequence")[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task a_researcher_reads_their_own_campaigns_children_only_and_a_caller_without_a_key_none()
    {
        await seed.CreateAsync("mine", owner: api.Researcher.Id);
        await seed.AddChildrenAsync("mine");
        using var researcher = api.ClientWith(api.Researcher.Plaintext);

        using var others = await researcher.GetAsync("/api/v1/campaigns/mem/children/1/memory");
        using var own = await researcher.GetAsync("/api/v1/campaigns/mine/children/1/memory");
        using var anonymous = await api.Anonymous.GetAsync("/api/v1/campaigns/mem/children/1/memory");

        Assert.Equal(("Campaign not found", HttpStatusCode.NotFound), ((await Problem.ReadAsync(others)).Title, others.StatusCode));
        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
    }

    [Fact]
    public async Task a_child_whose_network_this_version_cannot_build_is_a_conflict_naming_it()
    {
        await new CampaignSeed(api.Store).CreateAsync("odd", CampaignSpecJson());
        await api.Store.AddChildAsync(new Child("odd", 1, "b1.op=teleport", [0], 0, 0, ChildStatus.Sampled, 1, null, null, null, TestApi.Start));

        using var response = await api.Client.GetAsync("/api/v1/campaigns/odd/children/1/memory");

        var problem = await Problem.ReadAsync(response);
        Assert.Equal((HttpStatusCode.Conflict, "No memory analysis"), (problem.Status, problem.Title));
        Assert.Contains("child 1 of campaign 'odd'", problem.Detail, StringComparison.Ordinal);
    }

    private static string CampaignSpecJson() => Mnas.SearchSpace.Spec.CampaignSpecWriter.ToJson(MemnasSeed.Spec);
}
