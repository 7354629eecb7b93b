using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using Mnas.Grains;

namespace Mnas.Benchmarks;

/// <summary>
/// <c>mnas worker</c> processes (the mnas.dll built next to this program) on a broker, each with one slot and the
/// simulated trainer. They are stopped with SIGTERM, as an operator would stop them; any still running when this
/// program exits, or is stopped by a signal, is killed, so none outlives the benchmark.
/// </summary>
internal sealed class WorkerProcesses : IAsyncDisposable
{
    private static readonly ConcurrentDictionary<int, Process> Running = new();
    private readonly List<(Process Process, StringBuilder Output)> workers = [];

    private static readonly PosixSignalRegistration[] Signals =
        [.. new[] { PosixSignal.SIGINT, PosixSignal.SIGTERM, PosixSignal.SIGHUP }.Select(s => PosixSignalRegistration.Create(s, _ => KillAll()))];

    static WorkerProcesses() => AppDomain.CurrentDomain.ProcessExit += (_, _) => KillAll();

    private WorkerProcesses()
    {
    }

    public static WorkerProcesses Start(int count, RabbitMqOptions broker, string dataDirectory, double childSeconds)
    {
        var mnas = Path.Combine(AppContext.BaseDirectory, "mnas.dll");
        if (!File.Exists(mnas))
        {
            throw new FileNotFoundException($"{mnas} is missing: build tests/benchmarks/Mnas.Benchmarks, which builds the mnas host next to it");
        }

        var group = new WorkerProcesses();
        try
        {
            for (var i = 0; i < count; i++)
            {
                group.StartOne(mnas, broker, Path.Combine(dataDirectory, $"worker-{i + 1}"), childSeconds);
            }
        }
        catch
        {
            KillAll();
            throw;
        }

        return group;
    }

    /// <summary>Throws, with its output, when a worker process has ended.</summary>
    public void ThrowIfAnyExited()
    {
        foreach (var (process, output) in workers)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"worker process {process.Id} exited with {process.ExitCode}:\n{Tail(output)}");
            }
        }
    }

    /// <summary>Sends every worker SIGTERM and waits for them to end; those still running after <paramref name="limit"/> are killed.</summary>
    public async Task<int> StopAsync(TimeSpan limit)
    {
        var live = workers.Where(w => !w.Process.HasExited).Select(w => w.Process.Id.ToString(CultureInfo.InvariantCulture)).ToList();
        if (live.Count > 0)
        {
            using var signal = Process.Start("kill", ["-TERM", .. live]);
            await signal!.WaitForExitAsync();
        }

        using var timeout = new CancellationTokenSource(limit);
        var killed = 0;
        foreach (var (process, _) in workers)
        {
            try
            {
                await process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync();
                killed++;
            }
        }

        return killed;
    }

    private void StartOne(string mnas, RabbitMqOptions broker, string dataDirectory, double childSeconds)
    {
        var arguments = new List<string> { mnas, "worker" };
        foreach (var setting in new[]
                 {
                     "transport=rabbitmq", $"transport.rabbitmq.host={broker.Host}",
                     $"transport.rabbitmq.port={broker.Port.ToString(CultureInfo.InvariantCulture)}",
                     $"transport.rabbitmq.user_name={broker.UserName}", $"transport.rabbitmq.password={broker.Password}",
                     $"transport.rabbitmq.name_prefix={broker.NamePrefix}", $"data_directory={dataDirectory}", "worker.slots=1",
                     "worker.trainer=simulated", $"worker.simulated_seconds={childSeconds.ToString(CultureInfo.InvariantCulture)}",
                 })
        {
            arguments.AddRange(["--set", setting]);
        }

        var start = new ProcessStartInfo("dotnet", arguments) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        var process = Process.Start(start) ?? throw new InvalidOperationException("could not start mnas worker");
        Running[process.Id] = process;
        var output = new StringBuilder();
        process.OutputDataReceived += (_, e) => Append(output, e.Data);
        process.ErrorDataReceived += (_, e) => Append(output, e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        workers.Add((process, output));
    }

    private static void Append(StringBuilder output, string? line)
    {
        if (line != null)
        {
            lock (output)
            {
                output.AppendLine(line);
            }
        }
    }

    private static string Tail(StringBuilder output)
    {
        lock (output)
        {
            var text = output.ToString();
            return text.Length <= 4000 ? text : text[^4000..];
        }
    }

    private static void KillAll()
    {
        foreach (var process in Running.Values)
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

    public async ValueTask DisposeAsync()
    {
        await StopAsync(TimeSpan.FromSeconds(30));
        foreach (var (process, _) in workers)
        {
            Running.TryRemove(process.Id, out _);
            process.Dispose();
        }
    }
}
