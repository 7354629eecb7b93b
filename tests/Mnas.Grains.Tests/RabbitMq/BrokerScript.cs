using System.Diagnostics;

namespace Mnas.Grains.Tests.RabbitMq;

/// <summary>Runs scripts/rabbitmq.sh, the private broker node's script.</summary>
internal static class BrokerScript
{
    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(3);

    /// <summary>Runs a command that must succeed; fails loudly with the script's output when it does not.</summary>
    public static async Task<string> RequireAsync(string command)
    {
        var (exitCode, output) = await RunAsync(command);
        if (exitCode != 0)
        {
            throw new InvalidOperationException(
                $"scripts/rabbitmq.sh {command} failed (exit {exitCode}); the RabbitMQ tests need rabbitmq-server (scripts/bootstrap.sh " +
                $"installs it) or {RabbitMqBroker.Variable}=host:port:\n{output}");
        }
        return output.Trim();
    }

    public static async Task<(int ExitCode, string Output)> RunAsync(string command)
    {
        var script = Path.Combine(RepositoryRoot.Find(), "scripts", "rabbitmq.sh");
        var start = new ProcessStartInfo("bash", [script, command])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"could not run {script}");
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(Limit);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"scripts/rabbitmq.sh {command} did not finish within {Limit.TotalMinutes} minutes");
        }
        return (process.ExitCode, await output + await errors);
    }
}
