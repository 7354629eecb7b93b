using Mnas.Torch;
using Mnas.Workers.Latency;
using Mnas.Workers.Supernet;

namespace Mnas.Workers.Tests.Supernet;

public class SupernetLatencyTests
{
    [Fact]
    public void the_supernet_latency_of_a_one_hot_choice_is_the_tables_estimate_of_its_child_as_timed_here()
    {
        var space = TinySupernet.Space();
        var table = new LatencyTable("cpu", 1);
        LatencyLookup.Fill(table, space.CandidateArchitectures(), new LatencyOptions { Warmup = 1, Runs = 3, Threads = 1 });
        using var latency = SupernetLatency.From(space, table);
        var skip = TinySupernet.Index(space, "skip");

        foreach (int[] choices in new[] { new[] { 0, 1, 2 }, [5, skip, skip], [3, 4, skip] })
        {
            var child = LatencyLookup.Estimate(table, space.ToArchitecture(choices));
            using var oneHot = OneHot(choices, space.Candidates.Count);
            var expected = latency.Expected(oneHot).item<float>();
            Assert.True(Math.Abs(child - latency.Of(new SupernetChoice(choices))) < 1e-5 && Math.Abs(child - expected) < 1e-5,
                $"child {child} ms, the supernet's {latency.Of(new SupernetChoice(choices))} ms and {expected} ms");
        }
    }

    [Fact]
    public void the_gradient_of_the_latency_term_in_the_logits_matches_finite_differences()
    {
        const double Temperature = 0.8, Beta = 0.6, Step = 1e-5;
        var space = TinySupernet.Space();
        using var latency = SupernetLatency.From(space, TinySupernet.MadeUpTable(space));
        torch.manual_seed(11);
        using var scope = torch.NewDisposeScope();
        var shape = new long[] { space.Positions.Count, space.Candidates.Count };
        var noise = GumbelSoftmax.Noise(shape).to(ScalarType.Float64);
        var mask = space.Mask().to(ScalarType.Float64);
        var start = torch.randn(shape).to(ScalarType.Float64).data<double>();
        double Term(double[] theta, bool backward, out double[]? gradient)
        {
            var logits = torch.tensor(theta, shape, requires_grad: backward);
            var weights = GumbelSoftmax.Sample(logits + mask, noise, Temperature, hard: false);
            var term = (latency.Expected(weights) * 1000.0).log().pow(Beta);
            gradient = null;
            if (backward)
            {
                term.backward();
                gradient = logits.grad!.data<double>();
            }
            return term.item<double>();
        }

        Term(start, true, out var analytic);

        for (var i = 0; i < start.Length; i++)
        {
            var up = (double[])start.Clone();
            var down = (double[])start.Clone();
            up[i] += Step;
            down[i] -= Step;
            var numeric = (Term(up, false, out _) - Term(down, false, out _)) / (2 * Step);
            Assert.True(Math.Abs(numeric - analytic![i]) <= 1e-6 + 1e-4 * Math.Abs(numeric), $"θ[{i}]: autograd {analytic[i]:E4}, finite differences {numeric:E4}");
        }
    }

    private static Tensor OneHot(int[] choices, int count)
    {
        var values = new float[choices.Length * count];
        for (var p = 0; p < choices.Length; p++)
        {
            values[(p * count) + choices[p]] = 1f;
        }
        return torch.tensor(values, [choices.Length, count]);
    }
}
