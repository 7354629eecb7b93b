using System.CommandLine;
using System.Globalization;
using Mnas.Workers.Devices;
using Mnas.Workers.Latency;

namespace Mnas.Host.Commands;

/// <summary><c>mnas latency</c>: real batch-1 latency of a target view on this machine, optionally with the lookup-table estimate.</summary>
internal static class LatencyCommand
{
    public static Command Create()
    {
        var arch = new ArchitectureOptions();
        var runs = new Option<int>("--runs") { Description = "timed runs (the median is reported)", DefaultValueFactory = _ => 30 };
        var warmup = new Option<int>("--warmup") { Description = "untimed runs first", DefaultValueFactory = _ => 10 };
        var threads = new Option<int>("--threads") { Description = "libtorch threads", DefaultValueFactory = _ => 1 };
        var device = new Option<string>("--device") { Description = "cpu, cuda or cuda:N", DefaultValueFactory = _ => "cpu" };
        var table = new Option<string?>("--table") { Description = "a latency lookup table file: missing operators are timed and saved, and the estimate printed" };
        var command = new Command("latency", "Measure an architecture's batch-1 latency on this machine") { runs, warmup, threads, device, table };
        arch.AddTo(command);
        command.SetAction(result => CommandErrors.Run(() =>
        {
            var target = arch.Target(result);
            var deviceName = result.GetValue(device)!;
            if ((TorchDevice.Problem(deviceName) ?? TorchDevice.Unavailable(deviceName)) is { } problem)
            {
                Console.Error.WriteLine($"mnas: --device: {problem}");
                return 2;
            }
            var options = new LatencyOptions
            {
                Runs = result.GetValue(runs), Warmup = result.GetValue(warmup), Threads = result.GetValue(threads), Device = deviceName,
            };
            options.ThrowIfInvalid();
            Console.WriteLine($"arch={target.Name}");
            Console.WriteLine($"input={target.Input}");
            foreach (var line in LatencyMeter.Measure(target, options).ToLines())
            {
                Console.WriteLine(line);
            }
            if (result.GetValue(table) is { } path)
            {
                var lut = File.Exists(path) ? LatencyTable.Load(path) : new LatencyTable($"{options.Device} {Environment.MachineName}", options.Threads);
                var added = LatencyLookup.Fill(lut, [target], options);
                lut.Save(path);
                Console.WriteLine($"table_added={added}");
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"lut_estimate_ms={LatencyLookup.Estimate(lut, target):F3}"));
            }
            return 0;
        }));
        return command;
    }
}
