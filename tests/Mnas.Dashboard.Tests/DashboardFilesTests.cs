using System.Net;
using Mnas.Api.Dashboard;

namespace Mnas.Dashboard.Tests;

/// <summary>The dashboard's files as the host serves them: without a key, with a policy that keeps the page on this host.</summary>
public sealed class DashboardFilesTests(DashboardSite site) : IClassFixture<DashboardSite>
{
    [Theory]
    [InlineData("", "text/html")]
    [InlineData("index.html", "text/html")]
    [InlineData("dashboard.js", "text/javascript")]
    [InlineData("dashboard.css", "text/css")]
    [InlineData("assets/chart.umd.min.js", "text/javascript")]
    public async Task each_file_is_served_without_a_key_and_may_reach_only_this_host(string path, string type)
    {
        using var http = new HttpClient { BaseAddress = new Uri(site.Url) };

        using var response = await http.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(type, response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(DashboardFiles.ContentSecurityPolicy, Assert.Single(response.Headers.GetValues("Content-Security-Policy")));
        Assert.Contains("default-src 'self'", DashboardFiles.ContentSecurityPolicy, StringComparison.Ordinal);
    }

    [Fact]
    public async Task the_charting_library_is_the_pinned_one()
    {
        using var http = new HttpClient { BaseAddress = new Uri(site.Url) };

        var library = await http.GetStringAsync("assets/chart.umd.min.js");

        Assert.StartsWith("/*!\n * Chart.js v4.5.1", library, StringComparison.Ordinal);
    }

    [Fact]
    public async Task the_api_still_wants_a_key()
    {
        using var http = new HttpClient { BaseAddress = new Uri(site.Url) };

        using var response = await http.GetAsync("api/v1/campaigns");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }
}
