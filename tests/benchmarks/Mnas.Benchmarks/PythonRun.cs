using System.Diagnostics;
using System.Globalization;

namespace Mnas.Benchmarks;

/// <summary>Runs the same child in Python PyTorch (Debian's python3-torch, the same libtorch) in a child process.</summary>
internal static class PythonRun
{
    public const string Interpreter = "/usr/bin/python3";

    public static Measurement Measure(EngineSettings settings, IReadOnlyDictionary<string, string>? extraEnvironment)
    {
        var script = Path.Combine(AppContext.BaseDirectory, "engine_child.py");
        var start = new ProcessStartInfo(Interpreter, $"{script} {settings.PythonArguments}")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var (name, value) in extraEnvironment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {Interpreter}");
        var stderr = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{Interpreter} {script} exited with {process.ExitCode}: {stderr.Result}");
        }
        var values = output.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => line.Split('=', 2))
            .Where(parts => parts.Length == 2)
            .ToDictionary(parts => parts[0].Trim(), parts => double.Parse(parts[1], CultureInfo.InvariantCulture));
        return new Measurement(values["img_per_s"], values["latency_ms"]);
    }
}
