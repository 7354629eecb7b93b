using System.Diagnostics;
using System.Text;
using Mnas.Grains;
using Mnas.Grains.Tests.RabbitMq;

namespace Mnas.Cluster.Tests;

/// <summary>A real <c>mnas worker</c> process on the test's broker, its output kept for assertions and failure messages.</summary>
internal sealed class WorkerProcess : IAsyncDisposable
{
    private readonly Process process;
    private readonly StringBuilder output = new();

    private WorkerProcess(Process process) => this.process = process;

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

    public static WorkerProcess Start(RabbitMqOptions broker, string dataDirectory, params string[] extraSettings)
    {
        var host = Path.Combine(AppContext.BaseDirectory, "mnas.dll");
        var arguments = new List<string> { host, "worker" };
        foreach (var set in new[]
                 {
                     "transport=rabbitmq", $"transport.rabbitmq.host={broker.Host}", $"transport.rabbitmq.port={broker.Port}",
                     $"transport.rabbitmq.user_name={broker.UserName}", $"transport.rabbitmq.password={broker.Password}",
                     $"transport.rabbitmq.name_prefix={broker.NamePrefix}", $"data_directory={dataDirectory}",
                 }.Concat(extraSettings))
        {
            arguments.AddRange(["--set", set]);
        }

        var start = new ProcessStartInfo("dotnet", arguments)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = RepositoryRoot.Find(),
        };
        var worker = new WorkerProcess(Process.Start(start) ?? throw new InvalidOperationException("could not start mnas worker"));
        worker.process.OutputDataReceived += (_, e) => worker.Append(e.Data);
        worker.process.ErrorDataReceived += (_, e) => worker.Append(e.Data);
        worker.process.BeginOutputReadLine();
        worker.process.BeginErrorReadLine();
        return worker;
    }

    /// <summary>Sends SIGTERM and waits for the process to end; returns its exit code.</summary>
    public async Task<int> TerminateAsync(TimeSpan limit)
    {
        if (!process.HasExited)
        {
            using var kill = Process.Start("kill", ["-TERM", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
            await kill!.WaitForExitAsync();
        }

        using var timeout = new CancellationTokenSource(limit);
        await process.WaitForExitAsync(timeout.Token);
        return process.ExitCode;
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
}
