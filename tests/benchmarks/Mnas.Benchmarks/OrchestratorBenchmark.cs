using System.Diagnostics;
using System.Globalization;
using Mnas.SearchSpace.Space;
using Mnas.SearchSpace.Spec;
using Mnas.Strategies;
using Mnas.Strategies.Rl;

namespace Mnas.Benchmarks;

/// <summary>
/// The campaign runtime with a sleep-only trainer: the RL strategy over 8 workers and 2-second children, in one
/// embedded silo (<see cref="OrchestratorRound"/>). The campaign runs twice, each time on a new silo: first in a
/// process that has not run the runtime's code yet (its first results pay for compiling it), then again; the second is
/// the steady runtime, the figures printed last.
/// </summary>
internal static class OrchestratorBenchmark
{
    public static async Task<int> Run(int workers, double childSeconds, int children)
    {
        var cold = await OrchestratorRound.RunAsync(workers, childSeconds, children);
        var warm = await OrchestratorRound.RunAsync(workers, childSeconds, children);
        var (sampleMs, updateMs) = ControllerMs();
        Console.WriteLine($"workers={workers}");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"child_seconds={childSeconds}"));
        Console.WriteLine($"children={warm.Children}");
        Console.WriteLine(Describe("first run", cold));
        Console.WriteLine(Describe("second run", warm));
        Print("first_run_worker_utilisation", cold.Utilisation, "F4");
        Print("first_run_gap_p95_ms", P(cold.GapsMs, 0.95), "F2");
        Print("controller_sample_ms", sampleMs, "F3");
        Print("controller_update_ms", updateMs, "F1");
        Print("gap_p50_ms", P(warm.GapsMs, 0.50), "F2");
        Print("worker_utilisation", warm.Utilisation, "F4");
        Print("gap_p95_ms", P(warm.GapsMs, 0.95), "F2");
        return 0;
    }

    private static string Describe(string run, OrchestratorRound r) => string.Create(CultureInfo.InvariantCulture,
        $"{run}: utilisation {r.Utilisation:F4}, gap p50 / p95 / max ms {P(r.GapsMs, 0.5):F1} / {P(r.GapsMs, 0.95):F1} / {r.GapsMs[^1]:F1}; " +
        $"parts p50 / p95 ms: result {P(r.ResultMs, 0.5):F1} / {P(r.ResultMs, 0.95):F1}, handle {P(r.HandleMs, 0.5):F1} / {P(r.HandleMs, 0.95):F1}, " +
        $"assign {P(r.AssignMs, 0.5):F1} / {P(r.AssignMs, 0.95):F1}, pickup {P(r.PickupMs, 0.5):F1} / {P(r.PickupMs, 0.95):F1}");

    private static double P(double[] sorted, double q) => Statistics.Percentile(sorted, q);

    /// <summary>Medians with the default controller: one proposal, and one PPO update on a minibatch of 20 (of 5).</summary>
    private static (double SampleMs, double UpdateMs) ControllerMs()
    {
        var space = new ModelSpace(new CampaignSpec());
        using var controller = new RlController(space, new ControllerOptions { Seed = 3 });
        var times = new List<double>();
        var sampleTimes = new List<double>();
        long sequence = 0;
        for (var update = 0; update < 6; update++)
        {
            for (var i = 0; i < 20; i++)
            {
                var sampling = Stopwatch.StartNew();
                var p = controller.Propose();
                sampleTimes.Add(sampling.Elapsed.TotalMilliseconds);
                controller.Observe(new Outcome(++sequence, p.Sample, p.LogProbability, p.PolicyVersion, 0.5 + i % 5 / 10.0, false));
            }
            var clock = Stopwatch.StartNew();
            controller.Update();
            if (update > 0)
            {
                times.Add(clock.Elapsed.TotalMilliseconds);
            }
        }
        return (Statistics.Median(sampleTimes.Skip(20).ToList()), Statistics.Median(times));
    }

    private static void Print(string name, double value, string format) =>
        Console.WriteLine($"{name}={value.ToString(format, CultureInfo.InvariantCulture)}");
}
