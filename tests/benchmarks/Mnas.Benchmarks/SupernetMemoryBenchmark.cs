using Mnas.SearchSpace.Supernet;
using System.Diagnostics;
using System.Globalization;
using Mnas.SearchSpace.Architectures;
using Mnas.SearchSpace.Spec;
using Mnas.Torch;
using Mnas.Torch.Modules;
using Mnas.Workers.Supernet;

namespace Mnas.Benchmarks;

/// <summary>
/// How a supernet step's memory grows with the number of channel choices. Each configuration runs in a process of its
/// own (this program, started again), which reports the growth of its resident memory over a few training steps
/// (forward and backward): FBNetV2's masking — the whole supernet of MobileNetV2's skeleton on 1×28×28 images, batch
/// 64, every position run at its widest and masked to the sampled width — for 1, 2, 4 and 8 widths; and one layer
/// (32 → 96 channels, 3×3, 56×56, batch 32) searched both ways: masked, and as a separate convolution per width whose
/// outputs are zero-padded and summed (FBNet's way), for 2, 4 and 8 widths.
/// </summary>
internal static class SupernetMemoryBenchmark
{
    private const int Steps = 4;

    public static int Run()
    {
        var lines = new List<string>();
        double Measure(string what, int widths)
        {
            var start = new ProcessStartInfo(Environment.ProcessPath!) { RedirectStandardOutput = true, UseShellExecute = false };
            if (Path.GetFileNameWithoutExtension(Environment.ProcessPath) == "dotnet")
            {
                // Run by the dotnet host rather than the program's own launcher: the host needs the program's assembly.
                start.ArgumentList.Add(Environment.GetCommandLineArgs()[0]);
            }
            start.ArgumentList.Add("supernet-memory-one");
            start.ArgumentList.Add(what);
            start.ArgumentList.Add(widths.ToString(CultureInfo.InvariantCulture));
            using var process = Process.Start(start)!;
            var output = process.StandardOutput.ReadToEnd().Trim();
            process.WaitForExit();
            if (process.ExitCode != 0 || !double.TryParse(output.Split('\n')[^1], CultureInfo.InvariantCulture, out var mb))
            {
                throw new InvalidOperationException($"the {what} run with {widths} widths failed: {output}");
            }
            Console.WriteLine(FormattableString.Invariant($"{what}, {widths} width(s): {mb:F1} MB over {Steps} steps"));
            return mb;
        }

        var supernet = new[] { 1, 2, 4, 8 }.ToDictionary(w => w, w => Measure("supernet", w));
        var masked = new[] { 2, 4, 8 }.ToDictionary(w => w, w => Measure("masked-layer", w));
        var separate = new[] { 2, 4, 8 }.ToDictionary(w => w, w => Measure("separate-layer", w));
        foreach (var (w, mb) in supernet)
        {
            lines.Add(FormattableString.Invariant($"supernet_step_mb_w{w}={mb:F1}"));
        }
        foreach (var (w, mb) in masked)
        {
            lines.Add(FormattableString.Invariant($"layer_step_mb_masked_w{w}={mb:F1}"));
        }
        foreach (var (w, mb) in separate)
        {
            lines.Add(FormattableString.Invariant($"layer_step_mb_separate_w{w}={mb:F1}"));
        }
        lines.Add(FormattableString.Invariant($"supernet_memory_growth_w8_over_w2={supernet[8] / supernet[2]:F3}"));
        lines.Add(FormattableString.Invariant($"layer_memory_growth_masked_w8_over_w2={masked[8] / masked[2]:F3}"));
        lines.Add(FormattableString.Invariant($"layer_memory_growth_separate_w8_over_w2={separate[8] / separate[2]:F3}"));
        lines.ForEach(Console.WriteLine);
        return 0;
    }

    /// <summary>One configuration, in this process: prints the resident memory's growth over the steps, in MB.</summary>
    public static int RunOne(string what, int widths)
    {
        torch.set_num_threads(2);
        torch.manual_seed(1);
        Action step = what switch
        {
            "supernet" => SupernetStep(widths),
            "masked-layer" => LayerStep(widths, separate: false),
            "separate-layer" => LayerStep(widths, separate: true),
            _ => throw new ArgumentException($"unknown configuration '{what}'"),
        };
        var before = Resident("VmRSS");
        for (var i = 0; i < Steps; i++)
        {
            step();
        }
        Console.WriteLine((Resident("VmHWM") - before).ToString("F1", CultureInfo.InvariantCulture));
        return 0;
    }

    private static Action SupernetStep(int widths)
    {
        var multipliers = Enumerable.Range(1, widths).Select(i => (double)i / widths).ToList();
        var frame = SupernetFrames.Proxy(new CampaignSpec(), new InputShape(1, 28, 28), 10);
        var search = new WidthSearch(frame, SupernetCandidate.DefaultNames.Select(SupernetCandidate.Parse).ToList(), multipliers);
        var network = new SupernetNetwork(search.Widest, search.Widest.Positions.Select(p => search.ChannelsAt(p.Index)).ToList());
        network.to(torch.channels_last);
        var mask = search.Widest.Mask();
        var theta = torch.zeros([search.Widest.Positions.Count, search.Widest.Candidates.Count]);
        var thetaWidths = torch.zeros([search.Widest.Positions.Count, widths]);
        var input = torch.randn([64, 1, 28, 28]).to(torch.channels_last);
        var labels = torch.randint(10, [64]);
        return () =>
        {
            using var scope = torch.NewDisposeScope();
            var logits = network.forward(input, GumbelSoftmax.Sample(theta + mask, 1.0, hard: false), GumbelSoftmax.Sample(thetaWidths, 1.0, hard: false));
            torch.nn.functional.cross_entropy(logits, labels).backward();
        };
    }

    private static Action LayerStep(int widths, bool separate)
    {
        const int Widest = 96;
        var channels = Enumerable.Range(1, widths).Select(i => Widest * i / widths).ToList();
        var input = torch.randn([32, 32, 56, 56]).to(torch.channels_last);
        var weights = torch.full([widths], 1.0 / widths);
        if (!separate)
        {
            var conv = new Conv2d(32, Widest, 3, padding: 1);
            conv.to(torch.channels_last);
            var masking = new ChannelMasking(Widest, channels);
            return () =>
            {
                using var scope = torch.NewDisposeScope();
                masking.Apply(conv.forward(input), weights).sum().backward();
            };
        }
        var convs = channels.Select(c => new Conv2d(32, c, 3, padding: 1)).ToList();
        convs.ForEach(c => c.to(torch.channels_last));
        return () =>
        {
            using var scope = torch.NewDisposeScope();
            Tensor? sum = null;
            for (var i = 0; i < convs.Count; i++)
            {
                var output = convs[i].forward(input);
                var padded = channels[i] == Widest ? output
                    : torch.cat([output, torch.zeros([32, Widest - channels[i], 56, 56]).to(torch.channels_last)], 1);
                var term = padded * weights.select(0, i);
                sum = sum is null ? term : sum + term;
            }
            sum!.sum().backward();
        };
    }

    private static double Resident(string field)
    {
        var line = File.ReadLines("/proc/self/status").First(l => l.StartsWith(field + ":", StringComparison.Ordinal));
        return double.Parse(line.Split(':')[1].Trim().Split(' ')[0], CultureInfo.InvariantCulture) / 1024.0;
    }
}
