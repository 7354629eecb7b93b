using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Mnas.Cluster.Tests;

/// <summary>A real <c>mnas</c> process (a controller, a worker, a submission), its output kept for assertions and failure messages.</summary>
internal sealed partial class MnasProcess : IAsyncDisposable
{
    private readonly Process process;
    private readonly StringBuilder output = new();

    private MnasProcess(Process process, string name, string dataDirectory) => (this.process, Name, DataDirectory) = (process, name, dataDirectory);

    /// <summary>What the test calls it in its messages (<c>controller 2</c>, <c>worker 7</c>).</summary>
    public string Name { get; }

    /// <summary>Its <c>data_directory</c>: its logs are under <c>logs/</c>.</summary>
    public string DataDirectory { get; }

    public int Id => process.Id;

    public bool HasExited => process.HasExited;

    public string Output
    {
        get
        {
            lock (output)
            {
                return output.ToString();
            }
        }
    }

    /// <summary>It said it is ready: its silo runs (a controller or a worker).</summary>
    public bool IsReady => ReadyLine().IsMatch(Output);

    /// <summary>The id a worker printed when ready; null before.</summary>
    public string? WorkerId => WorkerLine().Match(Output) is { Success: true } m ? m.Groups[1].Value : null;

    /// <summary>The silo port a worker printed when ready.</summary>
    public int SiloPort => int.Parse(SiloPortLine().Match(Output).Groups[1].Value, CultureInfo.InvariantCulture);

    /// <summary>Starts <c>mnas COMMAND</c> with each of <paramref name="settings"/> as a <c>--set</c>, then <paramref name="arguments"/>.</summary>
    public static MnasProcess Start(string name, string command, string dataDirectory, IEnumerable<string> settings, params string[] arguments)
    {
        Directory.CreateDirectory(dataDirectory);
        var commandLine = new List<string> { Path.Combine(AppContext.BaseDirectory, "mnas.dll"), command };
        foreach (var set in settings.Append($"data_directory={dataDirectory}"))
        {
            commandLine.AddRange(["--set", set]);
        }

        commandLine.AddRange(arguments);
        var start = new ProcessStartInfo("dotnet", commandLine)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = dataDirectory,
        };
        var started = new MnasProcess(Process.Start(start) ?? throw new InvalidOperationException($"could not start mnas {command}"), name, dataDirectory);
        started.process.OutputDataReceived += (_, e) => started.Append(e.Data);
        started.process.ErrorDataReceived += (_, e) => started.Append(e.Data);
        started.process.BeginOutputReadLine();
        started.process.BeginErrorReadLine();
        return started;
    }

    /// <summary>Waits for the process to end by itself; returns its exit code.</summary>
    public async Task<int> WaitAsync(TimeSpan limit)
    {
        using var timeout = new CancellationTokenSource(limit);
        await process.WaitForExitAsync(timeout.Token);
        return process.ExitCode;
    }

    /// <summary>Kills the process outright (SIGKILL), as a lost machine would end it.</summary>
    public async Task KillAsync()
    {
        process.Kill(entireProcessTree: true);
        await process.WaitForExitAsync();
    }

    /// <summary>Sends SIGTERM, as an orchestrator stopping it would.</summary>
    public void Terminate()
    {
        if (!process.HasExited)
        {
            using var kill = Process.Start("kill", ["-TERM", process.Id.ToString(CultureInfo.InvariantCulture)]);
            kill!.WaitForExit();
        }
    }

    /// <summary>The lines its log files hold so far (they are written as it goes, one file a day).</summary>
    public IReadOnlyList<string> LogLines()
    {
        var logs = Path.Combine(DataDirectory, "logs");
        if (!Directory.Exists(logs))
        {
            return [];
        }

        var lines = new List<string>();
        foreach (var file in Directory.GetFiles(logs, "*.log").Order(StringComparer.Ordinal))
        {
            using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            using var reader = new StreamReader(stream);
            while (reader.ReadLine() is { } line)
            {
                lines.Add(line);
            }
        }

        return lines;
    }

    private void Append(string? line)
    {
        if (line != null)
        {
            lock (output)
            {
                output.AppendLine(line);
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        process.Dispose();
    }

    [GeneratedRegex(@"^(controller|worker \S+): .*; ready$", RegexOptions.Multiline)]
    private static partial Regex ReadyLine();

    [GeneratedRegex(@"^worker (\S+): .*; ready$", RegexOptions.Multiline)]
    private static partial Regex WorkerLine();

    [GeneratedRegex(@"silo port (\d+)")]
    private static partial Regex SiloPortLine();
}
