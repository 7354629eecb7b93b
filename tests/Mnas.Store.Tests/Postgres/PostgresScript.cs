using System.Diagnostics;

namespace Mnas.Store.Tests.Postgres;

/// <summary>Runs <c>scripts/postgres.sh</c> of this repository (found by walking up to Mnas.sln), failing loudly with its output.</summary>
internal static class PostgresScript
{
    private static readonly Lazy<string> RepositoryRoot = new(FindRepositoryRoot);

    /// <summary>Runs the script with <paramref name="verb"/> and returns what it printed; <paramref name="environment"/> adds variables (MNAS_PG_DIR, MNAS_PG_PORT).</summary>
    public static async Task<string> RunAsync(string verb, IReadOnlyDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo("bash", [Path.Combine(RepositoryRoot.Value, "scripts", "postgres.sh"), verb])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = RepositoryRoot.Value,
        };
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("could not run bash");
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException(
                $"scripts/postgres.sh {verb} exited with {process.ExitCode}:\n{await output}{await errors}");
        }

        return (await output).Trim();
    }

    private static string FindRepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Mnas.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"no Mnas.sln above {AppContext.BaseDirectory}: cannot find scripts/postgres.sh");
    }
}
