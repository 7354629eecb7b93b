using System.Net;
using System.Net.Http.Json;
using System.Text;
using Mnas.Api.Campaigns;
using Mnas.Campaigns;
using Mnas.Grains;

namespace Mnas.Api.Tests;

/// <summary>Creating campaigns from JSON and YAML, every bound named with nothing written, cancelling and deleting by role.</summary>
public sealed class CampaignWriteEndpointTests : IAsyncLifetime
{
    private TestApi api = null!;
    private HttpClient researcher = null!;

    public async Task InitializeAsync()
    {
        api = await TestApi.StartAsync();
        researcher = api.ClientWith(api.Researcher.Plaintext);
    }

    public async Task DisposeAsync()
    {
        researcher.Dispose();
        await api.DisposeAsync();
    }

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    private static StringContent Yaml(string yaml, string mediaType = "application/yaml") => new(yaml, Encoding.UTF8, mediaType);

    [Fact]
    public async Task a_campaign_created_from_json_is_stored_running_owned_by_the_key_and_located()
    {
        using var response = await researcher.PostAsync("/api/v1/campaigns",
            Json("""{"spec": {"name": "tiny", "proxy": {"epochs": 2}}, "strategy": "random", "children": 12, "hours": 1.5, "minibatch": 4, "seed": 9, "id": "tiny-1"}"""));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal("/api/v1/campaigns/tiny-1", response.Headers.Location?.OriginalString);
        var body = (await response.Content.ReadFromJsonAsync<CampaignResponse>(TestApi.Json))!;
        Assert.Equal(("tiny-1", CampaignStatus.Running, api.Researcher.Id), (body.Id, body.Status, body.Owner));
        var stored = (await api.Store.GetCampaignAsync("tiny-1"))!;
        Assert.Equal(("tiny", 9L, api.Researcher.Id, CampaignStatus.Running), (stored.Name, stored.Seed, stored.Owner, stored.Status));
        Assert.Equal(new CampaignSettings("random", 12, 1.5, 4), CampaignSettings.FromJson(stored.Strategy));
        Assert.Contains("\"epochs\":2", stored.SpecJson.Replace(" ", "", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("application/yaml")]
    [InlineData("text/yaml")]
    [InlineData("application/x-yaml")]
    public async Task a_campaign_created_from_yaml_gets_an_id_from_its_name_and_default_settings(string mediaType)
    {
        using var response = await researcher.PostAsync("/api/v1/campaigns", Yaml("spec:\n  name: from yaml\n  proxy:\n    epochs: 1\nchildren: 3\n", mediaType));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var stored = Assert.Single(await api.Store.ListCampaignsAsync());
        Assert.StartsWith("from-yaml-", stored.Id);
        Assert.Equal(new CampaignSettings("rl", 3, null, 20), CampaignSettings.FromJson(stored.Strategy));
    }

    [Fact]
    public async Task every_offending_field_is_listed_and_nothing_is_written()
    {
        var blocks = string.Join(", ", Enumerable.Repeat("""{"channels": 16, "layers": 1, "stride": 1}""", (int)Mnas.SearchSpace.Contract.CampaignRanges.ForSpec("skeleton.blocks").Maximum + 1));
        using var response = await researcher.PostAsync("/api/v1/campaigns", Json(
            ("{'spec': {'proxy': {'epochs': 51}, 'skeleton': {'blocks': [" + blocks +
            "]}, 'search_space': {'kernels': [3, 5, 7, 9, 11, 13, 15, 17, 19, 21, 23, 25, 27, 29, 31, 33, 35]}}, " +
            "'strategy': 'evolution', 'children': 10001, 'hours': 721, 'minibatch': 0, 'seed': 'x', 'id': 'no spaces', 'bogus': 1}").Replace('\'', '"')));

        var problem = await Problem.ReadAsync(response);
        Assert.Equal(HttpStatusCode.BadRequest, problem.Status);
        var fields = problem.Body.GetProperty("errors").EnumerateObject().Select(e => e.Name).Order(StringComparer.Ordinal);
        string[] expected =
            ["bogus", "children", "hours", "id", "minibatch", "seed", "spec.proxy.epochs", "spec.search_space.kernels", "spec.skeleton.blocks", "strategy"];
        Assert.Equal(expected, fields);
        Assert.Empty(await api.Store.ListCampaignsAsync());
    }

    [Theory]
    [InlineData("fbnet")]
    [InlineData("fbnetv2")]
    public async Task a_differentiable_campaign_is_created_with_its_dnas_section(string strategy)
    {
        using var response = await researcher.PostAsync("/api/v1/campaigns", Json(
            $$$"""{"spec": {"name": "dnas", "dnas": {"candidates": ["k3_e1", "k5_e1_g2", "skip"], "epochs": 4, "hard": true, "widths": [0.5, 1]}}, "strategy": "{{{strategy}}}", "children": 6, "id": "d-{{{strategy}}}"}"""));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = (await response.Content.ReadFromJsonAsync<CampaignResponse>(TestApi.Json))!;
        Assert.Equal(strategy, body.Strategy);
        var stored = (await api.Store.GetCampaignAsync($"d-{strategy}"))!;
        Assert.Equal(new CampaignSettings(strategy, 6, null, 20), CampaignSettings.FromJson(stored.Strategy));
        var dnas = Mnas.SearchSpace.Spec.CampaignSpecLoader.FromJson(stored.SpecJson).Dnas;
        Assert.Equal((4, true), (dnas.Epochs, dnas.Hard));
        Assert.Equal(["k3_e1", "k5_e1_g2", "skip"], dnas.Candidates);
        Assert.Equal([0.5, 1.0], dnas.Widths);
    }

    [Fact]
    public async Task a_bn_nas_campaign_is_created_with_its_bnnas_section()
    {
        using var response = await researcher.PostAsync("/api/v1/campaigns", Json(
            """{"spec": {"name": "bn", "bnnas": {"candidates": ["k3_e1", "k5_e3_g2"], "epochs": 30, "population": 20, "parents": 4, "samples": 3, "max_params": 5000000000}}, "strategy": "bn-nas", "children": 3, "id": "bn"}"""));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = (await response.Content.ReadFromJsonAsync<CampaignResponse>(TestApi.Json))!;
        Assert.Equal("bn-nas", body.Strategy);
        var stored = (await api.Store.GetCampaignAsync("bn"))!;
        Assert.Equal(new CampaignSettings("bn-nas", 3, null, 20), CampaignSettings.FromJson(stored.Strategy));
        var bnnas = Mnas.SearchSpace.Spec.CampaignSpecLoader.FromJson(stored.SpecJson).Bnnas;
        Assert.Equal(["k3_e1", "k5_e3_g2"], bnnas.Candidates);
        Assert.Equal((30, 20, 4, 3, 5_000_000_000L, 3), (bnnas.Epochs, bnnas.Population, bnnas.Parents, bnnas.Samples, bnnas.MaxParams, bnnas.TrainedEpochs()));
    }

    [Fact]
    public async Task an_fbnetv3_campaign_without_a_budget_plans_every_rounds_and_the_final_children()
    {
        using var response = await researcher.PostAsync("/api/v1/campaigns", Json(
            """{"spec": {"name": "v3", "fbnetv3": {"rounds": 2, "children_per_round": 5, "final_children": 3, "recipe": {"optimizers": ["sgd", "adamw"]}}}, "strategy": "fbnetv3", "id": "v3"}"""));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var stored = (await api.Store.GetCampaignAsync("v3"))!;
        Assert.Equal(new CampaignSettings("fbnetv3", 2 * 5 + 3, null, 20), CampaignSettings.FromJson(stored.Strategy));
        Assert.Equal(["sgd", "adamw"], Mnas.SearchSpace.Spec.CampaignSpecLoader.FromJson(stored.SpecJson).Fbnetv3.Recipe.Optimizers);
    }

    [Fact]
    public async Task a_memnas_campaign_without_a_budget_plans_its_base_and_every_rounds_top_k()
    {
        using var response = await researcher.PostAsync("/api/v1/campaigns", Json(
            """{"spec": {"name": "mem", "memnas": {"rounds": 3, "top_k": 2}}, "strategy": "memnas", "id": "mem"}"""));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var stored = (await api.Store.GetCampaignAsync("mem"))!;
        Assert.Equal(new CampaignSettings("memnas", 1 + 3 * 2, null, 20), CampaignSettings.FromJson(stored.Strategy));
    }

    [Fact]
    public async Task a_memnas_campaign_whose_space_lacks_its_default_base_is_refused_while_an_rl_campaign_of_that_space_is_not()
    {
        const string spec = """{"search_space": {"ops": ["mbconv3"]}}""";
        using var memnas = await researcher.PostAsync("/api/v1/campaigns", Json($$"""{"spec": {{spec}}, "strategy": "memnas", "children": 3}"""));

        var problem = await Problem.ReadAsync(memnas);
        Assert.Equal(HttpStatusCode.BadRequest, problem.Status);
        var message = Assert.Single(problem.Body.GetProperty("errors").GetProperty("spec.memnas.base").EnumerateArray()).GetString();
        Assert.Contains("mbconv1", message);
        Assert.Empty(await api.Store.ListCampaignsAsync());

        using var rl = await researcher.PostAsync("/api/v1/campaigns", Json($$"""{"spec": {{spec}}, "strategy": "rl", "children": 3}"""));
        Assert.Equal(HttpStatusCode.Created, rl.StatusCode);
    }

    [Fact]
    public async Task a_bn_nas_campaign_with_skip_among_its_candidates_is_refused_naming_the_candidate()
    {
        using var response = await researcher.PostAsync("/api/v1/campaigns", Json(
            """{"spec": {"bnnas": {"candidates": ["k3_e1", "skip"]}}, "strategy": "bn-nas", "children": 3}"""));

        var problem = await Problem.ReadAsync(response);
        Assert.Equal(HttpStatusCode.BadRequest, problem.Status);
        Assert.True(problem.Body.GetProperty("errors").TryGetProperty("spec.bnnas.candidates[1]", out _), problem.Body.ToString());
        Assert.Empty(await api.Store.ListCampaignsAsync());
    }

    [Fact]
    public async Task an_unknown_strategy_is_refused_with_every_strategy_named()
    {
        using var response = await researcher.PostAsync("/api/v1/campaigns", Json("""{"spec": {}, "strategy": "evolution"}"""));

        var problem = await Problem.ReadAsync(response);
        Assert.Equal(HttpStatusCode.BadRequest, problem.Status);
        var message = Assert.Single(problem.Body.GetProperty("errors").GetProperty("strategy").EnumerateArray()).GetString();
        Assert.Equal("must be one of rl, random, fbnet, fbnetv2, bn-nas, fbnetv3, memnas (got 'evolution')", message);
        Assert.Empty(await api.Store.ListCampaignsAsync());
    }

    [Theory]
    [InlineData("""{"spec": {"proxy": {"epochs": -2}}, "children": 0}""", "spec.proxy.epochs")]
    [InlineData("""{"spec": {"nonsense": true}, "children": 0}""", "spec.nonsense")]
    [InlineData("""{"spec": {"proxy": {"epochs": "five"}}, "children": 0}""", "spec.proxy.epochs")]
    public async Task a_spec_the_spec_rules_refuse_is_named_under_spec_beside_the_other_fields(string body, string field)
    {
        using var response = await researcher.PostAsync("/api/v1/campaigns", Json(body));

        var problem = await Problem.ReadAsync(response);
        var errors = problem.Body.GetProperty("errors");
        Assert.True(errors.TryGetProperty(field, out _), errors.ToString());
        Assert.True(errors.TryGetProperty("children", out _), errors.ToString());
        Assert.Empty(await api.Store.ListCampaignsAsync());
    }

    public static TheoryData<string, string, HttpStatusCode> MalformedBodies => new()
    {
        { "application/json", "{\"spec\": ", HttpStatusCode.BadRequest },
        { "application/json", "[1, 2, 3]", HttpStatusCode.BadRequest },
        { "application/json", "", HttpStatusCode.BadRequest },
        { "application/json", "{}", HttpStatusCode.BadRequest },
        { "application/json", "{\"spec\": \"'; DROP TABLE campaigns; --\"}", HttpStatusCode.BadRequest },
        { "application/json", "{\"spec\": {}, \"children\": 1e400}", HttpStatusCode.BadRequest },
        { "application/json", "{\"spec\": {}, \"children\": 99999999999999999999}", HttpStatusCode.BadRequest },
        { "application/json", new string('[', 5000), HttpStatusCode.BadRequest },
        { "application/yaml", "spec: &a {name: x}\nother: *a\n", HttpStatusCode.BadRequest },
        { "application/yaml", "spec: [unclosed", HttpStatusCode.BadRequest },
        { "application/yaml", new string('[', 5000), HttpStatusCode.BadRequest },
        { "text/plain", "{\"spec\": {}}", HttpStatusCode.UnsupportedMediaType },
    };

    [Theory]
    [MemberData(nameof(MalformedBodies))]
    public async Task a_malformed_body_is_4xx_problem_details_and_nothing_is_written(string mediaType, string body, HttpStatusCode expected)
    {
        using var response = await researcher.PostAsync("/api/v1/campaigns", new StringContent(body, Encoding.UTF8, mediaType));

        Assert.Equal(expected, (await Problem.ReadAsync(response)).Status);
        Assert.Empty(await api.Store.ListCampaignsAsync());
    }

    [Fact]
    public async Task a_taken_id_is_409_and_the_first_campaign_is_kept()
    {
        await CreateAsync("taken", api.Operator.Id);

        using var response = await researcher.PostAsync("/api/v1/campaigns", Json("""{"spec": {}, "id": "taken"}"""));

        Assert.Equal(HttpStatusCode.Conflict, (await Problem.ReadAsync(response)).Status);
        Assert.Equal(api.Operator.Id, (await api.Store.GetCampaignAsync("taken"))!.Owner);
    }

    [Fact]
    public async Task its_owner_cancels_a_campaign_and_an_event_says_who()
    {
        await CreateAsync("mine", api.Researcher.Id);

        using var response = await researcher.PostAsync("/api/v1/campaigns/mine/cancel", null);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(CampaignStatus.Cancelled, (await api.Store.GetCampaignAsync("mine"))!.Status);
        var cancelled = Assert.Single(await api.Store.ListEventsAsync("mine"));
        Assert.Equal("cancelled", cancelled.Kind);
        Assert.Contains(api.Researcher.Id, cancelled.Message);
        Assert.Equal(HttpStatusCode.OK, (await researcher.PostAsync("/api/v1/campaigns/mine/cancel", null)).StatusCode);
    }

    [Fact]
    public async Task a_researcher_cannot_cancel_anothers_campaign_but_an_operator_can()
    {
        await CreateAsync("theirs", "ffffffffffff");

        using var refused = await researcher.PostAsync("/api/v1/campaigns/theirs/cancel", null);
        Assert.Equal(HttpStatusCode.NotFound, (await Problem.ReadAsync(refused)).Status);
        Assert.Equal(CampaignStatus.Running, (await api.Store.GetCampaignAsync("theirs"))!.Status);

        using var cancelled = await api.Client.PostAsync("/api/v1/campaigns/theirs/cancel", null);
        Assert.Equal(HttpStatusCode.OK, cancelled.StatusCode);
        Assert.Equal(CampaignStatus.Cancelled, (await api.Store.GetCampaignAsync("theirs"))!.Status);
    }

    [Fact]
    public async Task a_finished_campaign_cannot_be_cancelled()
    {
        await CreateAsync("done", api.Researcher.Id, CampaignStatus.Completed);

        using var response = await researcher.PostAsync("/api/v1/campaigns/done/cancel", null);

        Assert.Equal(HttpStatusCode.Conflict, (await Problem.ReadAsync(response)).Status);
        Assert.Equal(CampaignStatus.Completed, (await api.Store.GetCampaignAsync("done"))!.Status);
    }

    [Fact]
    public async Task a_researcher_may_not_delete_even_its_own_campaign()
    {
        await CreateAsync("mine", api.Researcher.Id, CampaignStatus.Cancelled);

        using var response = await researcher.DeleteAsync("/api/v1/campaigns/mine");

        Assert.Equal(HttpStatusCode.Forbidden, (await Problem.ReadAsync(response)).Status);
        Assert.NotNull(await api.Store.GetCampaignAsync("mine"));
    }

    [Fact]
    public async Task an_operator_deletes_a_stopped_campaign_with_its_children_and_is_told_to_cancel_a_running_one_first()
    {
        await CreateAsync("stopped", api.Researcher.Id, CampaignStatus.Cancelled);
        await api.Store.AddChildAsync(new Child("stopped", 1, "arch-1", [1], -1, 0, ChildStatus.Sampled, 0, null, null, null, TestApi.Start));
        await CreateAsync("running", api.Researcher.Id);

        using var deleted = await api.Client.DeleteAsync("/api/v1/campaigns/stopped");
        using var running = await api.Client.DeleteAsync("/api/v1/campaigns/running");
        using var unknown = await api.Client.DeleteAsync("/api/v1/campaigns/nowhere");

        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.Null(await api.Store.GetCampaignAsync("stopped"));
        Assert.Empty(await api.Store.ListChildrenAsync("stopped"));
        Assert.Equal(HttpStatusCode.Conflict, (await Problem.ReadAsync(running)).Status);
        Assert.NotNull(await api.Store.GetCampaignAsync("running"));
        Assert.Equal(HttpStatusCode.NotFound, (await Problem.ReadAsync(unknown)).Status);
    }

    private Task CreateAsync(string id, string owner, CampaignStatus status = CampaignStatus.Running) =>
        api.Store.CreateCampaignAsync(new Campaign(id, id, "{}", new CampaignSettings().ToJson(), 7, status, TestApi.Start, owner));
}
