using System.Diagnostics;
using Mnas.Grains;

namespace Mnas.Benchmarks;

/// <summary>
/// The repository's private RabbitMQ node (scripts/rabbitmq.sh; its port and node name from MNAS_RABBITMQ_PORT and
/// MNAS_RABBITMQ_NODE), started when it does not run. It is left running: <c>make bench-cluster</c> stops it.
/// </summary>
internal static class PrivateBroker
{
    public static RabbitMqOptions Start()
    {
        Script("start");
        var url = new Uri(Script("url").Trim());
        var user = url.UserInfo.Split(':', 2);
        return new RabbitMqOptions
        {
            Host = url.Host, Port = url.Port, UserName = Uri.UnescapeDataString(user[0]), Password = Uri.UnescapeDataString(user[1]),
        };
    }

    private static string Script(string command)
    {
        var script = Path.Combine(RepositoryRoot(), "scripts", "rabbitmq.sh");
        var start = new ProcessStartInfo("bash", [script, command]) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"could not run {script}");
        var errors = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{script} {command} exited with {process.ExitCode}:\n{output}{errors.Result}");
        }

        return output;
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir != null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Mnas.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"no Mnas.sln above {AppContext.BaseDirectory}: cannot find scripts/rabbitmq.sh");
    }
}
