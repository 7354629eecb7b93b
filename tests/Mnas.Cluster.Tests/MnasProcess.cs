using System.Diagnostics;
using System.Text;
using Mnas.Grains;
using Mnas.Grains.Tests.RabbitMq;

namespace Mnas.Cluster.Tests;

/// <summary>A real <c>mnas</c> process (a worker, a controller) on the test's broker, its output kept for assertions and failure messages.</summary>
internal sealed class MnasProcess : IAsyncDisposable
{
    private readonly Process process;
    private readonly StringBuilder output = new();

    private MnasProcess(Process process) => this.process = process;

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

    public static MnasProcess Worker(RabbitMqOptions broker, string dataDirectory, params string[] extraSettings) =>
        Start("worker", broker, dataDirectory, extraSettings);

    /// <summary>Starts <c>mnas COMMAND</c> on the broker, with each of <paramref name="extraSettings"/> as a <c>--set</c> and then <paramref name="arguments"/>.</summary>
    public static MnasProcess Start(string command, RabbitMqOptions broker, string dataDirectory, string[] extraSettings, params string[] arguments)
    {
        var host = Path.Combine(AppContext.BaseDirectory, "mnas.dll");
        var commandLine = new List<string> { host, command };
        foreach (var set in new[]
                 {
                     "transport=rabbitmq", $"transport.rabbitmq.host={broker.Host}", $"transport.rabbitmq.port={broker.Port}",
                     $"transport.rabbitmq.user_name={broker.UserName}", $"transport.rabbitmq.password={broker.Password}",
                     $"transport.rabbitmq.name_prefix={broker.NamePrefix}", $"data_directory={dataDirectory}",
                 }.Concat(extraSettings))
        {
            commandLine.AddRange(["--set", set]);
        }

        commandLine.AddRange(arguments);
        var start = new ProcessStartInfo("dotnet", commandLine)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = RepositoryRoot.Find(),
        };
        var worker = new MnasProcess(Process.Start(start) ?? throw new InvalidOperationException($"could not start mnas {command}"));
        worker.process.OutputDataReceived += (_, e) => worker.Append(e.Data);
        worker.process.ErrorDataReceived += (_, e) => worker.Append(e.Data);
        worker.process.BeginOutputReadLine();
        worker.process.BeginErrorReadLine();
        return worker;
    }

    public bool HasExited => process.HasExited;

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
