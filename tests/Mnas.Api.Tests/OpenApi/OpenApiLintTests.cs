using System.Diagnostics;
using System.Text.Json.Nodes;
using Xunit.Abstractions;

namespace Mnas.Api.Tests.OpenApi;

/// <summary>The served document passes a real OpenAPI linter (scripts/openapi-linter.sh, the recommended rules, warnings included).</summary>
public sealed class OpenApiLintTests(ITestOutputHelper output) : IAsyncLifetime
{
    /// <summary>The only findings accepted, each with why it cannot apply.</summary>
    private static readonly (string Rule, string Pointer, string Why)[] Accepted =
    [
        ("info-license", "#/info", "Mnas declares no licence of its own in the documents its deployments serve"),
        ("operation-4xx-response", "#/paths/~1healthz/get/responses", "liveness answers 200 to every request: there is no client error to describe"),
        ("operation-4xx-response", "#/paths/~1readyz/get/responses", "readiness answers 200 or 503, never a client error"),
    ];

    private TestApi api = null!;

    public async Task InitializeAsync() => api = await TestApi.StartAsync();

    public async Task DisposeAsync() => await api.DisposeAsync();

    [Fact(Timeout = 120_000)]
    public async Task the_served_document_passes_the_openapi_linter()
    {
        var linter = Path.Combine(RepositoryRoot.Find(), "build", "openapi-linter", "node_modules", ".bin", "redocly");
        Assert.True(File.Exists(linter), $"the OpenAPI linter is not installed at {linter}: run scripts/bootstrap.sh (or scripts/openapi-linter.sh)");
        var document = await ServedDocument.FetchAsync(api);
        var directory = Directory.CreateTempSubdirectory("mnas-openapi-").FullName;
        try
        {
            var file = Path.Combine(directory, "openapi.json");
            await File.WriteAllTextAsync(file, document.Text);
            var (exitCode, stdout, stderr) = await RunAsync(linter, directory, "lint", file, "--format=json");
            output.WriteLine(stdout);
            Assert.True(exitCode == 0, $"the linter exited {exitCode}:\n{stdout}\n{stderr}");

            var problems = JsonNode.Parse(stdout)!["problems"]!.AsArray()
                .Select(p => (Rule: p!["ruleId"]!.GetValue<string>(), Pointer: p["location"]![0]!["pointer"]!.GetValue<string>(),
                    Message: p["message"]!.GetValue<string>()))
                .Where(p => !Accepted.Any(a => a.Rule == p.Rule && a.Pointer == p.Pointer))
                .ToArray();
            Assert.True(problems.Length == 0, "the linter found:\n" + string.Join("\n", problems.Select(p => $"{p.Rule} at {p.Pointer}: {p.Message}")));
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    private static async Task<(int ExitCode, string Stdout, string Stderr)> RunAsync(string program, string directory, params string[] arguments)
    {
        var start = new ProcessStartInfo(program)
        {
            WorkingDirectory = directory, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // Nothing leaves the machine: no usage reports, no update check.
        start.Environment["REDOCLY_TELEMETRY"] = "off";
        start.Environment["REDOCLY_SUPPRESS_UPDATE_NOTICE"] = "true";
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await stdout, await stderr);
    }
}
