using Mnas.SearchSpace.Architectures;
using Mnas.SearchSpace.Supernet;
using Mnas.Torch;
using Mnas.Workers.Latency;
using Mnas.Workers.Networks.Child;
using Mnas.Workers.Supernet;
using Mnas.Workers.Training;

namespace Mnas.Workers.Tests.Supernet;

/// <summary>FBNetV2's resolution search on the tiny supernet: the full 16×16 input and every second pixel (8×8).</summary>
public class ResolutionSearchTests
{
    private static readonly int[] Factors = [1, 2];
    private static readonly double[] Multipliers = [0.5, 1.0];
    private static readonly TrainingOptions Recipe = new() { LearningRate = 0.05, Seed = 3, Threads = 2 };

    private static IReadOnlyList<SupernetCandidate> Candidates() => SupernetCandidate.DefaultNames.Select(SupernetCandidate.Parse).ToList();

    /// <summary>A channel search per factor, each over the tiny frame at that factor.</summary>
    private static IReadOnlyList<WidthSearch> WidthSearchesAt(IReadOnlyList<int> factors) =>
        factors.Select(r => new WidthSearch(SupernetResolution.Apply(TinySupernet.Frame, r), Candidates(), Multipliers)).ToList();

    [Fact]
    public void with_only_the_full_resolution_the_supernet_computes_what_it_does_without_a_resolution_search()
    {
        var space = TinySupernet.Space();
        torch.manual_seed(5);
        using var plain = new SupernetNetwork(space);
        torch.manual_seed(6);
        using var searched = new SupernetNetwork(space, resolutions: [1]);
        searched.load_state_dict(plain.state_dict());
        using var scope = torch.NewDisposeScope();
        var x = torch.randn([4, 1, SyntheticData.Side, SyntheticData.Side]);
        var weights = torch.randn([space.Positions.Count, space.Candidates.Count]).add(space.Mask()).softmax(-1);

        var expected = plain.forward(x, weights).data<float>();
        var actual = searched.forward(x, weights, resolutionWeights: torch.ones([1])).data<float>();

        Assert.Equal(expected, actual);
        Assert.Equal(plain.state_dict().Keys, searched.state_dict().Keys);
    }

    [Theory]
    [InlineData(2)]
    [InlineData(3)]
    public void a_dilated_stem_on_the_interspersed_input_read_at_the_kept_pixels_is_the_childs_stem_on_the_down_sampled_input(int factor)
    {
        // Stride 2 on a 7×7 input: neither side is a multiple of the factor, nor of the stride.
        torch.manual_seed(31);
        using var stem = new SupernetStem(3, 4, 2, Activation.ReLU);
        using var child = new ConvBn(3, 4, 3, 2, 1, Activation.ReLU);
        child.load_state_dict(stem.state_dict());
        using var scope = torch.NewDisposeScope();
        var x = torch.randn([2, 3, 7, 7]);

        var full = stem.forward(ResolutionMasking.Intersperse(x, factor), factor);
        var low = child.forward(ResolutionMasking.Downsample(x, factor));

        Assert.Equal([2L, 4, 4, 4], full.shape);
        var kept = ResolutionMasking.Downsample(full, factor);
        Assert.Equal(low.shape, kept.shape);
        Assert.True((kept - low).abs().max().item<float>() < 1e-5, "the kept pixels differ from the child's stem on the down-sampled input");
        Assert.Equal(0f, (full - ResolutionMasking.Intersperse(full, factor)).abs().max().item<float>());
    }

    [Fact]
    public void a_known_input_gives_the_known_low_resolution_stem_output()
    {
        using var stem = new SupernetStem(1, 1, 1, activation: null);
        // The centre tap 1, the one to its right 10, the one below it 100.
        var kernel = new float[9];
        (kernel[4], kernel[5], kernel[7]) = (1, 10, 100);
        using (var weight = torch.tensor(kernel, [1, 1, 3, 3]))
        {
            stem.load_state_dict(new Dictionary<string, Tensor> { ["conv.weight"] = weight }, strict: false);
        }
        stem.eval();
        using var scope = torch.NewDisposeScope();
        var x = torch.arange(1, 17, dtype: ScalarType.Float32).reshape(1, 1, 4, 4);

        var output = stem.forward(ResolutionMasking.Intersperse(x, 2), 2);

        // The child sees [[1, 3], [9, 11]]: 1 + 10·3 + 100·9, 3 + 100·11, 9 + 10·11, 11; batch norm at its initial statistics divides by √(1 + 1e-5).
        var scale = Math.Sqrt(1 + 1e-5);
        float[] expected = [931, 0, 1103, 0, 0, 0, 0, 0, 119, 0, 11, 0, 0, 0, 0, 0];
        Assert.Equal(expected.Select(v => Math.Round(v / scale, 2)), output.data<float>().Select(v => Math.Round(v, 2)));
    }

    [Fact]
    public void the_target_at_a_factor_takes_every_factorth_pixel_of_its_input_rounded_up()
    {
        var odd = TinySupernet.Frame with { Input = new InputShape(3, 15, 16) };

        Assert.Same(odd, SupernetResolution.Apply(odd, 1));
        Assert.Equal(new InputShape(3, 8, 8), SupernetResolution.Apply(odd, 2).Input);
        Assert.Equal(new InputShape(3, 5, 6), SupernetResolution.Apply(odd, 3).Input);
        Assert.Equal(odd.Blocks, SupernetResolution.Apply(odd, 3).Blocks);
        Assert.Throws<ArgumentException>(() => SupernetResolution.Check([2, 4], "resolutions"));
        Assert.Throws<ArgumentException>(() => SupernetResolution.Check([1, 2, 2], "resolutions"));
    }

    [Fact]
    public void a_one_hot_choice_at_a_resolution_and_width_costs_what_the_table_gives_its_child_there()
    {
        var searches = WidthSearchesAt(Factors);
        var table = TinySupernet.MadeUpTableOfPixels(searches.SelectMany(s => s.Spaces));
        using var latency = SupernetLatency.From(searches, table);
        var space = searches[0].Widest;
        int[] candidates = [TinySupernet.Index(space, "k5_e6"), TinySupernet.Index(space, "k3_e1"), TinySupernet.Index(space, "skip")];
        // One width throughout: the table times each layer in a child of one width (as the channel search's own test).
        int[] widths = [0, 0, 0];
        using var scope = torch.NewDisposeScope();

        var costs = new double[Factors.Length];
        for (var r = 0; r < Factors.Length; r++)
        {
            var choice = new SupernetChoice(candidates, widths, r);
            var child = searches[r].ToArchitecture(choice);
            var expected = latency.Expected(OneHot(candidates, space.Candidates.Count), OneHot(widths, Multipliers.Length), OneHot([r], Factors.Length).squeeze(0))
                .item<float>();
            costs[r] = LatencyLookup.Estimate(table, child);
            Assert.Equal(costs[r], latency.Of(choice), 4);
            Assert.Equal(costs[r], expected, 4);
        }
        // The layers at half the resolution cost a quarter; stem and head 2 ms at both.
        Assert.Equal((costs[0] - 2) / 4, costs[1] - 2, 4);
        Assert.Equal([2L, 2, 3, space.Candidates.Count], latency.Table.shape);
    }

    [Fact]
    public void the_gradient_of_the_latency_term_in_the_resolution_logits_matches_finite_differences()
    {
        const double Temperature = 0.8, Beta = 0.6, Step = 1e-5;
        var searches = WidthSearchesAt([1, 2, 4]);
        using var latency = SupernetLatency.From(searches, TinySupernet.MadeUpTableOfPixels(searches.SelectMany(s => s.Spaces)));
        var space = searches[0].Widest;
        torch.manual_seed(13);
        using var scope = torch.NewDisposeScope();
        var weights = GumbelSoftmax.Sample(torch.randn([space.Positions.Count, space.Candidates.Count]).to(ScalarType.Float64) + space.Mask().to(ScalarType.Float64),
            Temperature, hard: false);
        var widthWeights = torch.randn([space.Positions.Count, Multipliers.Length]).to(ScalarType.Float64).softmax(-1);
        var noise = GumbelSoftmax.Noise([3]).to(ScalarType.Float64);
        var start = torch.randn([3]).to(ScalarType.Float64).data<double>();
        double Term(double[] theta, bool backward, out double[]? gradient)
        {
            var logits = torch.tensor(theta, [3], requires_grad: backward);
            var resolutionWeights = GumbelSoftmax.Sample(logits, noise, Temperature, hard: false);
            var term = (latency.Expected(weights, widthWeights, resolutionWeights) * 1000.0).log().pow(Beta);
            gradient = null;
            if (backward)
            {
                term.backward();
                gradient = logits.grad!.data<double>();
            }
            return term.item<double>();
        }

        Term(start, true, out var gradient);
        var analytic = gradient!;

        Assert.Contains(analytic, g => Math.Abs(g) > 1e-3);
        for (var i = 0; i < start.Length; i++)
        {
            var up = (double[])start.Clone();
            var down = (double[])start.Clone();
            up[i] += Step;
            down[i] -= Step;
            var numeric = (Term(up, false, out _) - Term(down, false, out _)) / (2 * Step);
            Assert.True(Math.Abs(numeric - analytic[i]) <= 1e-6 + 1e-4 * Math.Abs(numeric), $"θ_res[{i}]: autograd {analytic[i]:E4}, finite differences {numeric:E4}");
        }
    }

    [Fact]
    public void a_search_of_widths_and_resolutions_moves_the_resolution_logits_samples_a_resolution_and_resumes_exactly()
    {
        var searches = WidthSearchesAt(Factors);
        var proxy = searches[0];
        using var latency = SupernetLatency.From(searches, TinySupernet.MadeUpTableOfPixels(searches.SelectMany(s => s.Spaces)));
        var options = new DnasOptions { Epochs = 3, WarmupEpochs = 1, Samples = 4 };
        var (weights, architecture) = (new SyntheticData(128, 32, 32), new SyntheticData(64, 16, 32, seed: 8));
        byte[] uninterrupted;
        IReadOnlyList<SupernetChoice> sampled;
        using (var dnas = new DnasSearch(proxy, latency, options, Recipe, Factors))
        {
            var epochs = dnas.Run(weights, architecture);
            Assert.Equal([0.5, 0.5], epochs[0].ResolutionDistribution!);
            Assert.NotEqual(epochs[0].ResolutionDistribution!, epochs[^1].ResolutionDistribution!);
            Assert.Equal(1.0, epochs[^1].ResolutionDistribution!.Sum(), 6);
            Assert.NotNull(epochs[^1].WidthDistributions);
            uninterrupted = dnas.SaveState();
            sampled = dnas.Sample(4, seed: 4);
        }

        Assert.All(sampled, s => Assert.InRange(s.Resolution!.Value, 0, Factors.Length - 1));
        foreach (var choice in sampled)
        {
            var child = searches[choice.Resolution!.Value].ToArchitecture(choice);
            using var network = new ChildNetwork(child);
            using var scope = torch.NewDisposeScope();
            Assert.Equal([1L, SyntheticData.Classes], network.forward(torch.randn([1, 1, child.Input.Height, child.Input.Width])).shape);
        }
        using (var first = new DnasSearch(proxy, latency, options, Recipe, Factors))
        {
            first.RunEpoch(weights, architecture);
            using var resumed = DnasSearch.Restore(proxy, latency, options, Recipe, first.SaveState(), Factors);
            resumed.Run(weights, architecture);
            Assert.Equal(uninterrupted, resumed.SaveState());
        }
    }

    [Fact]
    public void a_state_is_refused_by_a_search_of_other_resolutions()
    {
        var spaces = TinySupernet.SpacesAt(Factors);
        using var latency = SupernetLatency.From(spaces, TinySupernet.MadeUpTableOfPixels(spaces));
        using var plainLatency = SupernetLatency.From(spaces[0], TinySupernet.MadeUpTableOfPixels(spaces));
        var options = new DnasOptions { Epochs = 2, WarmupEpochs = 1 };
        using var search = new DnasSearch(spaces[0], latency, options, Recipe, Factors);

        var e = Assert.Throws<InvalidDataException>(() => DnasSearch.Restore(spaces[0], plainLatency, options, Recipe, search.SaveState()));
        Assert.Contains("the state is of another supernet", e.Message);
        Assert.Throws<ArgumentException>(() => new DnasSearch(spaces[0], plainLatency, options, Recipe, Factors));
    }

    [Fact]
    public void when_the_low_resolution_is_much_cheaper_and_as_accurate_the_distribution_moves_to_it()
    {
        // The toy task's quadrants are as clear at 8×8 as at 16×16. One table gives the layers at 8×8 a quarter of the
        // cost at 16×16, the other the same cost: only the first should pull towards 8×8.
        var spaces = TinySupernet.SpacesAt(Factors);
        double LowResolutionAtTheEnd(LatencyTable table, out DnasEpoch first, out DnasEpoch last)
        {
            using var latency = SupernetLatency.From(spaces, table);
            using var search = new DnasSearch(spaces[0], latency,
                new DnasOptions { Epochs = 4, WarmupEpochs = 1, Alpha = 1e-6, Beta = 6, ThetaLearningRate = 0.1 }, Recipe, Factors);
            var epochs = search.Run(new SyntheticData(128, 32, 32), new SyntheticData(128, 32, 32, seed: 9));
            (first, last) = (epochs[0], epochs[^1]);
            return last.ResolutionDistribution![1];
        }

        var cheap = LowResolutionAtTheEnd(TinySupernet.MadeUpTableOfPixels(spaces), out var first, out var last);
        var same = LowResolutionAtTheEnd(TinySupernet.MadeUpTableOfSpaces(spaces), out _, out _);

        Assert.True(cheap > 0.75 && same < 0.6, $"P(r = 2): {cheap:F3} where it is cheaper, {same:F3} where it costs the same");
        Assert.True(last.CrossEntropy < first.CrossEntropy, $"cross-entropy {first.CrossEntropy:F3} → {last.CrossEntropy:F3}");
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
