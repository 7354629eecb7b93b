using System.Net;
using System.Text.RegularExpressions;

namespace Mnas.Api.Tests.Management;

/// <summary><c>mnas api</c> with <c>management.listen</c>: the API's requests are counted there (in text promtool accepts), and the public port serves no metrics.</summary>
public sealed partial class ApiManagementTests : IDisposable
{
    private readonly string data = Directory.CreateTempSubdirectory("mnas-api-management-").FullName;
    private readonly HttpClient http = new();

    public void Dispose()
    {
        http.Dispose();
        Directory.Delete(data, recursive: true);
    }

    [Fact(Timeout = 120_000)]
    public async Task the_management_listener_counts_the_apis_requests_which_serves_no_metrics_itself()
    {
        await using var api = MnasCommand.Start("api", [$"data_directory={data}", "api.listen=http://127.0.0.1:0", "management.listen=http://127.0.0.1:0"]);
        var address = await api.ApiAddressAsync(TimeSpan.FromSeconds(60));
        await api.WaitForAsync("management: http://", TimeSpan.FromSeconds(30));
        var management = new Uri(ManagementLine().Match(api.Output).Groups[1].Value + "/");

        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync(new Uri(address, "/healthz"))).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await http.GetAsync(new Uri(address, "/api/v1/campaigns"))).StatusCode);
        var onApiPort = await http.GetAsync(new Uri(address, "/metrics"));

        Assert.DoesNotContain("mnas_", await onApiPort.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync(new Uri(management, "healthz"))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync(new Uri(management, "readyz"))).StatusCode);
        var metrics = await http.GetStringAsync(new Uri(management, "metrics"));
        var samples = ExpositionFormat.Parse(metrics);
        Assert.Contains(samples, s => s.Name == "mnas_api_requests_total" && s.Labels["method"] == "GET" && s.Labels["status"] == "2xx" && s.Value >= 1);
        Assert.Contains(samples, s => s.Name == "mnas_api_requests_total" && s.Labels["status"] == "4xx" && s.Value >= 1);
        Assert.Contains(samples, s => s.Name == "mnas_api_request_seconds_count" && s.Value >= 3);
        Assert.Contains(samples, s => s.Name == "mnas_api_request_seconds_bucket" && s.Labels["le"] == "0.005");
        await Promtool.AssertPassesAsync(metrics);
        Assert.Equal(0, await api.TerminateAsync(TimeSpan.FromSeconds(30)));
    }

    [GeneratedRegex(@"management: (http://[0-9.]+:[0-9]+)")]
    private static partial Regex ManagementLine();
}
