using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Mnas.Api.Campaigns;
using Mnas.Campaigns;

namespace Mnas.Api.Tests;

/// <summary><c>mnas demo</c> as a real process with the simulated trainer: the embedded server, a campaign, the dashboard's address with a key.</summary>
[Collection(SiloProcessCollection.Name)]
public sealed partial class DemoCommandTests : IDisposable
{
    private static readonly TimeSpan Start = TimeSpan.FromSeconds(60);

    private readonly string data = Directory.CreateTempSubdirectory("mnas-demo-").FullName;
    private readonly HttpClient http = new();

    public void Dispose()
    {
        http.Dispose();
        Directory.Delete(data, recursive: true);
    }

    [Fact(Timeout = 300_000)]
    public async Task demo_prints_the_dashboard_address_with_an_operator_key_runs_its_campaign_and_stops_on_ctrl_c()
    {
        await using var demo = MnasCommand.Start("demo",
            [$"data_directory={data}", "api.listen=http://127.0.0.1:0", "worker.trainer=simulated", "worker.simulated_seconds=0.1"],
            "--children", "3", "--minibatch", "2");
        await demo.WaitForAsync("  dashboard: ", Start);
        var printed = DashboardLine().Match(demo.Output);
        Assert.True(printed.Success, demo.Output);
        var page = new Uri(printed.Groups["page"].Value);
        var key = Uri.UnescapeDataString(printed.Groups["key"].Value);

        using var html = await http.GetAsync(page);
        Assert.Equal(HttpStatusCode.OK, html.StatusCode);
        Assert.Equal("text/html", html.Content.Headers.ContentType?.MediaType);
        using var refused = await http.GetAsync(new Uri(page, "api/v1/campaigns"));
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);

        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        CampaignResponse? campaign = null;
        await Until.TrueAsync(async () =>
        {
            campaign = Assert.Single((await http.GetFromJsonAsync<List<CampaignResponse>>(new Uri(page, "api/v1/campaigns"), TestApi.Json))!);
            return campaign.Status == CampaignStatus.Completed;
        }, TimeSpan.FromSeconds(120), () => $"the campaign did not complete:\n{demo.Output}");
        Assert.Equal(3, campaign!.Children.Done);
        // The operator's key sees the workers too.
        using var workers = await http.GetAsync(new Uri(page, "api/v1/workers"));
        Assert.Equal(HttpStatusCode.OK, workers.StatusCode);

        // Ctrl+C.
        using (var interrupt = System.Diagnostics.Process.Start("kill", ["-INT", demo.ProcessId.ToString(CultureInfo.InvariantCulture)]))
        {
            await interrupt!.WaitForExitAsync();
        }
        Assert.Equal(0, await demo.WaitAsync(TimeSpan.FromSeconds(60)));
        Assert.Contains("demo: stopping", demo.Output);
    }

    [GeneratedRegex(@"  dashboard: (?<page>http://\S+/)#key=(?<key>\S+)")]
    private static partial Regex DashboardLine();
}
