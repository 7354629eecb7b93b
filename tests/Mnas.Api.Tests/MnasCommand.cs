using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Mnas.Api.Tests;

/// <summary>A real <c>mnas</c> process (<c>serve</c>, <c>api</c>, <c>submit</c>…), its output kept for assertions and failure messages.</summary>
internal sealed partial class MnasCommand : IAsyncDisposable
{
    private readonly Process process;
    private readonly StringBuilder output = new();

    private MnasCommand(Process process) => this.process = process;

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

    /// <summary>The process's id (for signals).</summary>
    public int ProcessId => process.Id;

    /// <summary>Starts <c>mnas COMMAND</c> with each of <paramref name="settings"/> as a <c>--set</c>, then <paramref name="arguments"/>.</summary>
    public static MnasCommand Start(string command, IEnumerable<string> settings, params string[] arguments)
    {
        // A shell that starts the test run in the background makes its children ignore SIGINT, and a process that
        // inherits an ignored SIGINT keeps ignoring it; a terminal's Ctrl+C reaches a process whose SIGINT is default.
        var commandLine = new List<string> { "--default-signal=INT", "dotnet", Path.Combine(AppContext.BaseDirectory, "mnas.dll"), command };
        foreach (var setting in settings)
        {
            commandLine.AddRange(["--set", setting]);
        }

        commandLine.AddRange(arguments);
        var start = new ProcessStartInfo("env", commandLine)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = RepositoryRoot.Find(),
        };
        var mnas = new MnasCommand(Process.Start(start) ?? throw new InvalidOperationException($"could not start mnas {command}"));
        mnas.process.OutputDataReceived += (_, e) => mnas.Append(e.Data);
        mnas.process.ErrorDataReceived += (_, e) => mnas.Append(e.Data);
        mnas.process.BeginOutputReadLine();
        mnas.process.BeginErrorReadLine();
        return mnas;
    }

    /// <summary>Runs <c>mnas COMMAND</c> to its end; returns its exit code.</summary>
    public static async Task<(int ExitCode, string Output)> RunAsync(string command, IEnumerable<string> settings, params string[] arguments)
    {
        await using var mnas = Start(command, settings, arguments);
        var exitCode = await mnas.WaitAsync(TimeSpan.FromSeconds(60));
        return (exitCode, mnas.Output);
    }

    /// <summary>The address the process's API printed it listens on, once it has.</summary>
    public async Task<Uri> ApiAddressAsync(TimeSpan limit)
    {
        await UntilAsync(() => ListeningLine().IsMatch(Output) || process.HasExited, limit, "no API address");
        var match = ListeningLine().Match(Output);
        Assert.True(match.Success, $"the API did not start:\n{Output}");
        return new Uri(match.Groups[1].Value);
    }

    /// <summary>Waits for a line of output holding <paramref name="text"/>.</summary>
    public Task WaitForAsync(string text, TimeSpan limit) =>
        UntilAsync(() => Output.Contains(text, StringComparison.Ordinal), limit, $"no '{text}'");

    /// <summary>Waits for the process to end; returns its exit code, or fails with its output when it runs past <paramref name="limit"/>.</summary>
    public async Task<int> WaitAsync(TimeSpan limit)
    {
        using var timeout = new CancellationTokenSource(limit);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested)
        {
            Assert.Fail($"the process did not end within {limit.TotalSeconds:0} s; its output:\n{Output}");
        }
        return process.ExitCode;
    }

    /// <summary>Sends SIGTERM and waits for the process to end; returns its exit code.</summary>
    public async Task<int> TerminateAsync(TimeSpan limit)
    {
        if (!process.HasExited)
        {
            using var kill = Process.Start("kill", ["-TERM", process.Id.ToString(CultureInfo.InvariantCulture)]);
            await kill!.WaitForExitAsync();
        }

        return await WaitAsync(limit);
    }

    /// <summary>Kills the process outright (SIGKILL), as a lost machine would end it.</summary>
    public async Task KillAsync()
    {
        process.Kill(entireProcessTree: true);
        await process.WaitForExitAsync();
    }

    private async Task UntilAsync(Func<bool> condition, TimeSpan limit, string failure)
    {
        using var timeout = new CancellationTokenSource(limit);
        while (!condition())
        {
            Assert.False(timeout.IsCancellationRequested, $"{failure} within {limit.TotalSeconds} s:\n{Output}");
            await Task.Delay(100);
        }
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

    [GeneratedRegex(@"api: listening on (http://\S+?)(,|\s|$)")]
    private static partial Regex ListeningLine();

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        process.Dispose();
    }
}
