using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;

namespace Mnas.Benchmarks;

/// <summary>
/// One <c>mnas controller</c> or <c>mnas worker</c> process (the mnas.dll built next to this program), ready once it
/// prints its line ending in <c>; ready</c>. Any still running when this program exits, or is stopped by a signal, is
/// killed, so none outlives the benchmark.
/// </summary>
internal sealed class MnasProcess : IDisposable
{
    private static readonly ConcurrentDictionary<int, Process> Live = new();

    private static readonly PosixSignalRegistration[] Signals =
        [.. new[] { PosixSignal.SIGINT, PosixSignal.SIGTERM, PosixSignal.SIGHUP }.Select(s => PosixSignalRegistration.Create(s, _ => KillAll()))];

    private readonly Process process;
    private readonly StringBuilder output = new();
    private readonly TaskCompletionSource<string> ready = new(TaskCreationOptions.RunContinuationsAsynchronously);

    static MnasProcess() => AppDomain.CurrentDomain.ProcessExit += (_, _) => KillAll();

    private MnasProcess(string role, Process process) => (Role, this.process) = (role, process);

    public string Role { get; }

    public int ProcessId => process.Id;

    /// <summary>The line that said it is ready (a worker's names its id: <c>worker &lt;id&gt;: …; ready</c>).</summary>
    public Task<string> Ready => ready.Task;

    public bool HasExited => process.HasExited;

    /// <param name="role"><c>controller</c> or <c>worker</c>.</param>
    /// <param name="settings">Settings as <c>--set</c> takes them (<c>name=value</c>).</param>
    public static MnasProcess Start(string role, IEnumerable<string> settings)
    {
        var mnas = Path.Combine(AppContext.BaseDirectory, "mnas.dll");
        if (!File.Exists(mnas))
        {
            throw new FileNotFoundException($"{mnas} is missing: build tests/benchmarks/Mnas.Benchmarks, which builds the mnas host next to it");
        }

        var arguments = new List<string> { mnas, role };
        foreach (var setting in settings)
        {
            arguments.AddRange(["--set", setting]);
        }

        var start = new ProcessStartInfo("dotnet", arguments) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start mnas {role}");
        Live[process.Id] = process;
        var started = new MnasProcess(role, process);
        process.OutputDataReceived += (_, e) => started.Append(e.Data);
        process.ErrorDataReceived += (_, e) => started.Append(e.Data);
        process.Exited += (_, _) => started.ready.TrySetException(new InvalidOperationException(started.Describe("exited before it was ready")));
        process.EnableRaisingEvents = true;
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return started;
    }

    /// <summary>Throws, with its output, when the process has ended.</summary>
    public void ThrowIfExited()
    {
        if (process.HasExited)
        {
            throw new InvalidOperationException(Describe($"exited with {process.ExitCode}"));
        }
    }

    /// <summary>Kills it outright (SIGKILL), as a machine's failure would, and waits until it is gone.</summary>
    public async Task KillAsync()
    {
        process.Kill(entireProcessTree: false);
        await process.WaitForExitAsync();
    }

    /// <summary>Sends each process SIGTERM, as an operator would stop them, and waits; those still running after <paramref name="limit"/> are killed.</summary>
    public static async Task StopAsync(IReadOnlyCollection<MnasProcess> processes, TimeSpan limit)
    {
        var live = processes.Where(p => !p.process.HasExited).Select(p => p.process.Id.ToString(CultureInfo.InvariantCulture)).ToList();
        if (live.Count > 0)
        {
            using var signal = Process.Start("kill", ["-TERM", .. live]);
            await signal!.WaitForExitAsync();
        }

        using var timeout = new CancellationTokenSource(limit);
        foreach (var p in processes)
        {
            try
            {
                await p.process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                p.process.Kill(entireProcessTree: true);
                await p.process.WaitForExitAsync();
            }
        }
    }

    public void Dispose()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
        }

        Live.TryRemove(process.Id, out _);
        process.Dispose();
    }

    private void Append(string? line)
    {
        if (line == null)
        {
            return;
        }

        lock (output)
        {
            output.AppendLine(line);
        }

        if (line.EndsWith("; ready", StringComparison.Ordinal))
        {
            ready.TrySetResult(line);
        }
    }

    private string Describe(string what)
    {
        lock (output)
        {
            var text = output.ToString();
            return $"mnas {Role} (process {process.Id}) {what}:\n{(text.Length <= 4000 ? text : text[^4000..])}";
        }
    }

    private static void KillAll()
    {
        foreach (var process in Live.Values)
        {
            try
            {
                if (!process.HasExited)
                {
                    process.Kill(entireProcessTree: true);
                }
            }
            catch (InvalidOperationException)
            {
            }
        }
    }
}
