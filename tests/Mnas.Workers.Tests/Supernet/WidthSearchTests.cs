using Mnas.SearchSpace.Supernet;
using Mnas.SearchSpace.Architectures;
using Mnas.Torch;
using Mnas.Workers.Latency;
using Mnas.Workers.Networks.Child;
using Mnas.Workers.Supernet;
using Mnas.Workers.Training;

namespace Mnas.Workers.Tests.Supernet;

/// <summary>FBNetV2's channel search on the tiny supernet: widths 0.5, 0.75 and 1 of each position's channels.</summary>
public class WidthSearchTests
{
    private static readonly double[] Multipliers = [0.5, 0.75, 1.0];
    private static readonly TrainingOptions Recipe = new() { LearningRate = 0.05, Seed = 3, Threads = 2 };

    private static WidthSearch Search(IReadOnlyList<double>? multipliers = null) =>
        new(TinySupernet.Frame, SupernetCandidate.DefaultNames.Select(SupernetCandidate.Parse).ToList(), multipliers ?? Multipliers);

    [Fact]
    public void each_position_has_its_channels_at_every_multiplier_and_a_choice_builds_those_widths()
    {
        var search = Search();
        var space = search.Widest;
        int[] candidates = [TinySupernet.Index(space, "k3_e3"), TinySupernet.Index(space, "skip"), TinySupernet.Index(space, "k5_e1")];

        var architecture = search.ToArchitecture(new SupernetChoice(candidates, [0, 1, 2]));

        Assert.All(space.Positions, p => Assert.Equal([8, 16, 16], search.ChannelsAt(p.Index)));
        Assert.Equal([8, 16], architecture.Blocks.Select(b => b.Channels));
        Assert.Equal([3, 1], architecture.Blocks.Select(b => b.Expansion));
        Assert.Throws<ArgumentException>(() => search.ToArchitecture(new SupernetChoice(candidates, [0, 3, 0])));
        Assert.Throws<ArgumentException>(() => Search([0.5, 0.5]));
    }

    [Fact]
    public void the_supernet_runs_each_layer_once_at_its_widest_whatever_the_number_of_widths()
    {
        using var two = new SupernetNetwork(Search([0.5, 1.0]).Widest, [[8, 16], [8, 16], [8, 16]]);
        using var four = new SupernetNetwork(Search([0.25, 0.5, 0.75, 1.0]).Widest, [[8, 8, 16, 16], [8, 8, 16, 16], [8, 8, 16, 16]]);

        Assert.Equal(two.parameters().Sum(p => p.numel()), four.parameters().Sum(p => p.numel()));
    }

    [Fact]
    public void the_table_gives_a_uniform_width_its_layers_as_timed_in_a_child_of_that_width()
    {
        var search = Search();
        var table = new LatencyTable("cpu", 1);
        LatencyLookup.Fill(table, search.Spaces.SelectMany(s => s.CandidateArchitectures()), new LatencyOptions { Warmup = 1, Runs = 3, Threads = 1 });
        using var latency = SupernetLatency.From(search, table);
        int[] candidates = [0, 1, 4];

        for (var w = 0; w < Multipliers.Length; w++)
        {
            var choice = new SupernetChoice(candidates, [w, w, w]);
            var child = search.ToArchitecture(choice);
            var operators = NetworkOperators.Of(child);
            var layers = LatencyLookup.Estimate(table, child) - table.Entries[operators[0].Key] - table.Entries[operators[^1].Key];
            Assert.Equal(layers, latency.Of(choice) - latency.FixedMs, 4);
        }
    }

    [Fact]
    public void a_channel_search_moves_the_width_logits_samples_widths_and_resumes_exactly()
    {
        var search = Search();
        using var latency = SupernetLatency.From(search, TinySupernet.MadeUpTableOfWidths(search));
        var options = new DnasOptions { Epochs = 3, WarmupEpochs = 1, Samples = 3 };
        var (weights, architecture) = (new SyntheticData(128, 32, 32), new SyntheticData(64, 16, 32, seed: 8));
        byte[] uninterrupted;
        IReadOnlyList<SupernetChoice> sampled;
        using (var dnas = new DnasSearch(search, latency, options, Recipe))
        {
            var epochs = dnas.Run(weights, architecture);
            Assert.All(epochs[0].WidthDistributions!, row => Assert.All(row, p => Assert.Equal(1.0 / 3, p, 6)));
            Assert.NotEqual(epochs[0].WidthDistributions![1], epochs[^1].WidthDistributions![1]);
            uninterrupted = dnas.SaveState();
            sampled = dnas.Sample(3, seed: 4);
        }

        Assert.All(sampled, s => Assert.Equal(3, s.Widths!.Count));
        foreach (var choice in sampled)
        {
            using var child = new ChildNetwork(search.ToArchitecture(choice));
            using var scope = torch.NewDisposeScope();
            Assert.Equal([1L, SyntheticData.Classes], child.forward(torch.randn([1, 1, SyntheticData.Side, SyntheticData.Side])).shape);
        }
        using (var first = new DnasSearch(search, latency, options, Recipe))
        {
            first.RunEpoch(weights, architecture);
            using var resumed = DnasSearch.Restore(search, latency, options, Recipe, first.SaveState());
            resumed.Run(weights, architecture);
            Assert.Equal(uninterrupted, resumed.SaveState());
        }
    }
}
