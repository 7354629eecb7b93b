using System.Diagnostics;
using System.Globalization;
using Mnas.Workers.Supernet;
using Mnas.Workers.Training;

namespace Mnas.Benchmarks;

/// <summary>
/// The BN-NAS benchmark's two supernets on one space, recipe and data, timed against each other on a shared, noisy
/// machine: first a few steps of each kind of training on a throwaway supernet (the engine's first use of every layer's
/// shapes, forward and backward, is paid there, not by whichever supernet would come first); then the full SPOS
/// supernet's epochs with the BN-only supernet trained <see cref="BnRuns"/> times in between (before, halfway, after),
/// its time the median of those runs. Every BN-only run starts from the same seed, so they train the same supernet; the
/// first is kept.
/// </summary>
internal static class BnNasSupernets
{
    public const int BnRuns = 3;

    /// <summary>Steps of each kind of training run before anything is timed: each position's candidates are all drawn in them but rarely.</summary>
    private const int WarmupSteps = 60;

    public static Trained Train(SupernetSpace space, int sposEpochs, int bnEpochs, TrainingOptions recipe, ITrainingData data)
    {
        var clock = Stopwatch.StartNew();
        foreach (var training in new[] { SposTraining.BnOnly, SposTraining.Full })
        {
            using var warmup = new SposSearch(space, new SposOptions { Epochs = 1, Training = training }, recipe);
            warmup.Run(new FirstBatches(data, WarmupSteps));
        }
        Console.WriteLine(Invariant($"warm-up: {WarmupSteps} steps of BN-only and of full training in {clock.Elapsed.TotalSeconds:F1} s"));

        var bnOptions = new SposOptions { Epochs = bnEpochs, Training = SposTraining.BnOnly };
        var (bn, first) = Timed("bn-only", () => new SposSearch(space, bnOptions, recipe), data);
        var bnSeconds = new List<double> { first };
        var maxDifference = 0.0;
        void Again()
        {
            var (run, seconds) = Timed("bn-only", () => new SposSearch(space, bnOptions, recipe), data);
            using (run)
            {
                bnSeconds.Add(seconds);
                maxDifference = Math.Max(maxDifference, MaxDifference(bn.Scores(), run.Scores()));
            }
        }

        clock.Restart();
        var spos = new SposSearch(space, new SposOptions { Epochs = sposEpochs, Training = SposTraining.Full }, recipe);
        var sposSeconds = clock.Elapsed.TotalSeconds;
        for (var epoch = 1; epoch <= sposEpochs; epoch++)
        {
            if (epoch == (sposEpochs / 2) + 1)
            {
                Again();
            }
            clock.Restart();
            var done = spos.RunEpoch(data);
            sposSeconds += clock.Elapsed.TotalSeconds;
            Console.WriteLine(Invariant($"spos supernet epoch {done.Epoch}/{sposEpochs}: loss {done.Loss:F4}, ranking distance {Text(done.RankingDistance)} ({done.Duration.TotalSeconds:F1} s)"));
        }
        Console.WriteLine(Invariant($"spos supernet: {sposEpochs} epochs in {sposSeconds:F1} s"));
        Again();
        Console.WriteLine(Invariant($"bn-only supernet: {bnEpochs} epochs in {string.Join(", ", bnSeconds.Select(s => s.ToString("F1", CultureInfo.InvariantCulture)))} s; its runs' indicators differ by at most {maxDifference:G3}"));
        return new Trained(bn, bnSeconds, spos, sposSeconds);
    }

    private static (SposSearch Search, double Seconds) Timed(string label, Func<SposSearch> create, ITrainingData data)
    {
        var clock = Stopwatch.StartNew();
        var search = create();
        foreach (var epoch in search.Run(data))
        {
            Console.WriteLine(Invariant($"{label} supernet epoch {epoch.Epoch}: loss {epoch.Loss:F4}, ranking distance {Text(epoch.RankingDistance)} ({epoch.Duration.TotalSeconds:F1} s)"));
        }
        return (search, clock.Elapsed.TotalSeconds);
    }

    private static double MaxDifference(IReadOnlyList<IReadOnlyList<double>> a, IReadOnlyList<IReadOnlyList<double>> b) =>
        a.Zip(b, (x, y) => x.Zip(y, (u, v) => Math.Abs(u - v)).Max()).Max();

    private static string Text(double? value) => value?.ToString("F3", CultureInfo.InvariantCulture) ?? "-";

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    /// <summary>The kept BN-only supernet and every run's wall time, the SPOS supernet and its wall time (construction and epochs).</summary>
    public sealed record Trained(SposSearch Bn, IReadOnlyList<double> BnSeconds, SposSearch Spos, double SposSeconds)
    {
        public double BnMedianSeconds => Statistics.Median(BnSeconds);
    }
}
