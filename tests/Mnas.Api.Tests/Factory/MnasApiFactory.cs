using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Mnas.Store;

namespace Mnas.Api.Tests.Factory;

/// <summary>
/// The API in a test server over a real store, through the framework's web application factory: the same services
/// (<see cref="ApiServiceCollectionExtensions.AddMnasApi"/>) and pipeline (<see cref="ApiPipeline.UseMnasApi"/>) as
/// <c>mnas api</c>, without a socket.
/// </summary>
internal sealed class MnasApiFactory(ICampaignStore store, TimeProvider clock, ApiOptions? options = null) : WebApplicationFactory<MnasApiFactory>
{
    private readonly ApiOptions options = options ?? new ApiOptions();

    protected override IHostBuilder CreateHostBuilder() =>
        new HostBuilder().ConfigureWebHost(web => web
            .UseContentRoot(AppContext.BaseDirectory)
            .ConfigureServices(services =>
            {
                services.AddSingleton(clock);
                services.AddRouting();
                services.AddMnasApi(options, store);
            })
            .Configure(app => app.UseMnasApi(options)));

    protected override void ConfigureWebHost(IWebHostBuilder builder) => builder.UseContentRoot(AppContext.BaseDirectory);
}
