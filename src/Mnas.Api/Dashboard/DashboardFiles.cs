using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Extensions.FileProviders;

namespace Mnas.Api.Dashboard;

/// <summary>
/// The dashboard: a page, its script and styles and the charting library, embedded in this assembly and served at
/// <c>/</c> (<c>/index.html</c>, <c>/dashboard.js</c>, <c>/dashboard.css</c>, <c>/assets/chart.umd.min.js</c>) without
/// credentials — the page asks for an API key and sends it with each API request. A content security policy lets it
/// load and connect to nothing but this host.
/// </summary>
public static class DashboardFiles
{
    /// <summary>What the page may load and reach: this host only.</summary>
    public const string ContentSecurityPolicy =
        "default-src 'self'; connect-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

    private static readonly IFileProvider Files = new EmbeddedFileProvider(typeof(DashboardFiles).Assembly, "Mnas.Api.Dashboard");

    /// <summary>Serves the dashboard's files before any endpoint runs; requests for anything else pass on.</summary>
    public static IApplicationBuilder UseMnasDashboard(this IApplicationBuilder app)
    {
        app.UseDefaultFiles(new DefaultFilesOptions { FileProvider = Files, DefaultFileNames = ["index.html"] });
        app.UseStaticFiles(new StaticFileOptions
        {
            FileProvider = Files,
            ContentTypeProvider = new FileExtensionContentTypeProvider(),
            OnPrepareResponse = context =>
            {
                var headers = context.Context.Response.Headers;
                headers.ContentSecurityPolicy = ContentSecurityPolicy;
                headers.XContentTypeOptions = "nosniff";
                headers["Referrer-Policy"] = "no-referrer";
                // The page changes with the host's version: always revalidated.
                headers.CacheControl = "no-cache";
            },
        });
        return app;
    }
}
