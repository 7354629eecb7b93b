using Mnas.Costs;
using Mnas.SearchSpace.Supernet;
using Mnas.Workers.Supernet;

namespace Mnas.Workers.Tests.Supernet;

public class SupernetCostTableTests
{
    public static TheoryData<int> StemChannels => [8, 9];

    [Theory]
    [MemberData(nameof(StemChannels))]
    public void a_subnets_costs_from_the_table_are_its_cost_analysis_and_its_lookup_latency(int stemChannels)
    {
        // With nine stem channels position 0 offers no grouped candidate (and no position-0 entry holds one).
        var target = new SupernetSpace(TinySupernet.Frame with { StemChannels = stemChannels }, SupernetCandidate.DefaultNames.Select(SupernetCandidate.Parse).ToList());
        using var lookup = SupernetLatency.From(target, TinySupernet.MadeUpTable(target));

        var costs = SupernetCostTable.Of(target, lookup);

        var random = new Random(stemChannels);
        for (var draw = 0; draw < 40; draw++)
        {
            var choice = target.Positions.Select(p =>
            {
                var offered = Enumerable.Range(0, target.Candidates.Count).Where(c => target.Offers(p.Index, c)).ToList();
                return offered[random.Next(offered.Count)];
            }).ToArray();
            var analysed = CostAnalysis.Analyze(target.ToArchitecture(choice));

            var cost = costs.Of(choice);

            Assert.Equal(analysed.Params, cost.Params);
            Assert.Equal(analysed.Macs, cost.Macs);
            Assert.Equal(analysed.PeakActivationBytes, cost.PeakActivationBytes);
            Assert.Equal(lookup.Of(new SupernetChoice(choice)), cost.LatencyMs, 9);
        }
        for (var p = 0; p < target.Positions.Count; p++)
        {
            for (var c = 0; c < target.Candidates.Count; c++)
            {
                Assert.Equal(target.Offers(p, c), costs.Offers(p, c));
            }
        }
        Assert.Equal(stemChannels == 9, !costs.Offers(0, TinySupernet.Index(target, "k3_e1_g2")));
    }

    [Fact]
    public void an_all_skip_subnet_costs_the_fixed_part_alone()
    {
        // Positions 1 and 2 may be skipped; position 0 changes the shape and may not.
        var target = TinySupernet.Space();
        using var lookup = SupernetLatency.From(target, TinySupernet.MadeUpTable(target));
        var costs = SupernetCostTable.Of(target, lookup);
        var skip = TinySupernet.Index(target, "skip");
        int[] choice = [0, skip, skip];

        var analysed = CostAnalysis.Analyze(target.ToArchitecture(choice));

        Assert.Equal(analysed.Params, costs.Of(choice).Params);
        Assert.Equal(analysed.PeakActivationBytes, costs.Of(choice).PeakActivationBytes);
        Assert.Equal(2.0, costs.Fixed.LatencyMs);
        Assert.Equal(new SupernetLayerCost(0, 0, 0, 0), costs.Layers[1][skip]);
        Assert.Null(costs.Layers[0][skip]);
    }
}
