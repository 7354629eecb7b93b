using System.Net;
using System.Text;
using Mnas.Costs.Admission;

namespace Mnas.Api.Tests.Contract;

/// <summary>
/// Each class of nonsense a well-formed campaign can carry is refused by <c>POST /campaigns</c> with the field's path in
/// the problem's errors and nothing stored; the values just inside each class's bounds are accepted.
/// </summary>
public sealed class CampaignContractEndpointTests : ContractApi
{
    [Theory]
    // Data sets outside the catalog, including paths and URLs.
    [InlineData("""{"spec": {"proxy": {"dataset": "cifar-10"}}}""", "spec.proxy.dataset")]
    [InlineData("""{"spec": {"proxy": {"dataset": "../../etc/passwd"}}}""", "spec.proxy.dataset")]
    [InlineData("""{"spec": {"proxy": {"dataset": "https://example.org/data.tgz"}}}""", "spec.proxy.dataset")]
    [InlineData("""{"spec": {"proxy": {"dataset": "mnist\u0000"}}}""", "spec.proxy.dataset")]
    // Numbers far outside any sensible range.
    [InlineData("""{"spec": {"reward": {"alpha": -1e308}}}""", "spec.reward.alpha")]
    [InlineData("""{"spec": {"reward": {"beta": 1e308}}}""", "spec.reward.beta")]
    [InlineData("""{"spec": {"target": {"classes": 2000000000}}}""", "spec.target.classes")]
    [InlineData("""{"spec": {"proxy": {"seed": 9223372036854775807}}}""", "spec.proxy.seed")]
    [InlineData("""{"seed": 9223372036854775807}""", "seed")]
    [InlineData("""{"seed": -9223372036854775808}""", "seed")]
    [InlineData("""{"seed": 9007199254740992}""", "seed")]
    [InlineData("""{"spec": {"proxy": {"batch_size": 0}}}""", "spec.proxy.batch_size")]
    [InlineData("""{"spec": {"skeleton": {"blocks": [{"channels": -16, "layers": 1, "stride": 1}]}}}""", "spec.skeleton.blocks[0].channels")]
    [InlineData("""{"spec": {"proxy": {"learning_rate": 0}}}""", "spec.proxy.learning_rate")]
    [InlineData("""{"spec": {"reward": {"latency_target_ms": -5}}}""", "spec.reward.latency_target_ms")]
    [InlineData("""{"hours": 1e308}""", "hours")]
    // Null where a default applies.
    [InlineData("""{"strategy": null}""", "strategy")]
    [InlineData("""{"minibatch": null}""", "minibatch")]
    [InlineData("""{"seed": null}""", "seed")]
    [InlineData("""{"spec": {"proxy": {"epochs": null}}}""", "spec.proxy.epochs")]
    [InlineData("""{"spec": null}""", "spec")]
    public async Task a_nonsensical_value_is_refused_under_its_path_and_nothing_is_stored(string changes, string path)
    {
        var problem = await PostAsync(Submission(changes));

        Assert.Equal(HttpStatusCode.BadRequest, problem.Status);
        Assert.Contains(path, problem.Body.GetProperty("errors").EnumerateObject().Select(e => e.Name));
        Assert.Empty(await Api.Store.ListCampaignsAsync());
    }

    [Theory]
    [InlineData("""{"spec": {"proxy": {"dataset": "mnist"}}}""")]
    [InlineData("""{"spec": {"reward": {"alpha": -1, "beta": 0}}}""")]
    [InlineData("""{"spec": {"reward": {"latency_target_ms": 60000}}}""")]
    [InlineData("""{"spec": {"target": {"classes": 2}}}""")]
    [InlineData("""{"spec": {"proxy": {"seed": 2147483647, "epochs": 50, "validation_fraction": 0.999}}}""")]
    [InlineData("""{"seed": 9007199254740991}""")]
    [InlineData("""{"seed": 0, "minibatch": 1000, "children": 10000}""")]
    [InlineData("""{"hours": 720}""")]
    [InlineData("""{"children": null, "hours": 2}""")]
    [InlineData("""{"id": null, "spec": {"proxy": {"train_subset_size": null}, "target": {"device_class": null}}}""")]
    public async Task a_value_just_inside_its_bounds_is_accepted_and_stored_once(string changes)
    {
        using var response = await Researcher.PostAsync("/api/v1/campaigns", Json(Submission(changes)));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Single(await Api.Store.ListCampaignsAsync());
    }

    [Fact]
    public async Task a_space_whose_largest_child_passes_the_apis_limits_is_refused_naming_the_limit()
    {
        await using var strict = await TestApi.StartAsync(new ApiOptions { ChildLimits = new ChildResourceLimits { MaxParams = 1_000_000 } });
        using var client = strict.ClientWith(strict.Researcher.Plaintext);

        using var response = await client.PostAsync("/api/v1/campaigns", Json("""{"spec": {"name": "big"}}"""));

        var problem = await Problem.ReadAsync(response);
        Assert.Equal(HttpStatusCode.BadRequest, problem.Status);
        var message = Assert.Single(problem.Body.GetProperty("errors").GetProperty("spec").EnumerateArray()).GetString();
        Assert.Contains("limits.max_child_params (1,000,000)", message);
        Assert.Contains("14,060,772 parameters", message);
        Assert.Empty(await strict.Store.ListCampaignsAsync());
    }

    private async Task<Problem> PostAsync(string body)
    {
        using var response = await Researcher.PostAsync("/api/v1/campaigns", Json(body));
        return await Problem.ReadAsync(response);
    }

    /// <summary>A small valid submission with <paramref name="changes"/> merged over it, key by key.</summary>
    private static string Submission(string changes) =>
        SubmissionJson.Merge("""{"spec": {"name": "contract", "proxy": {"batch_size": 8}}, "children": 3}""", changes);

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");
}
