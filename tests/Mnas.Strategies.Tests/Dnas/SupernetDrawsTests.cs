using Mnas.SearchSpace.Supernet;
using Mnas.Strategies.Dnas;

namespace Mnas.Strategies.Tests.Dnas;

public sealed class SupernetDrawsTests
{
    private static readonly string[] Candidates = ["k3_e1", "k5_e6", "skip"];

    private static SupernetPosterior Posterior(params double[][] rows) => new(Candidates, rows, null, null, null, null, 5.0, 3);

    [Fact]
    public void draws_follow_the_posterior_and_never_take_a_candidate_of_probability_zero()
    {
        var posterior = Posterior([0.7, 0.3, 0.0]);
        var counts = new Dictionary<string, int>();
        for (ulong seed = 0; seed < 2000; seed++)
        {
            var name = SupernetDraws.Distinct(posterior, 1, seed).Single().Architecture;
            counts[name] = counts.GetValueOrDefault(name) + 1;
        }

        Assert.False(counts.ContainsKey("skip"));
        Assert.InRange(counts["k3_e1"] / 2000.0, 0.66, 0.74);
    }

    [Fact]
    public void draws_are_distinct_named_children_with_their_tokens_and_log_probability()
    {
        var posterior = Posterior([0.5, 0.25, 0.25], [0.1, 0.9, 0.0]);

        var drawn = SupernetDraws.Distinct(posterior, 5, seed: 3);

        Assert.Equal(drawn.Count, drawn.Select(d => d.Architecture).Distinct().Count());
        Assert.Equal(5, drawn.Count);
        foreach (var proposal in drawn)
        {
            var name = SupernetChildName.Parse(proposal.Architecture);
            Assert.Equal(name.Candidates, proposal.Tokens.Select(t => Candidates[t]));
            var expected = Math.Log(posterior.Distributions[0][proposal.Tokens[0]]) + Math.Log(posterior.Distributions[1][proposal.Tokens[1]]);
            Assert.Equal(expected, proposal.LogProbability, 12);
            Assert.Null(proposal.Sample);
        }
    }

    [Fact]
    public void a_sharp_posterior_gives_fewer_children_than_asked_rather_than_repeats()
    {
        var drawn = SupernetDraws.Distinct(Posterior([1.0, 0.0, 0.0], [0.0, 1.0, 0.0]), 4, seed: 1);

        Assert.Equal(["k3_e1-k5_e6"], drawn.Select(d => d.Architecture));
    }

    [Fact]
    public void widths_and_resolution_are_drawn_and_named_with_the_candidates()
    {
        var posterior = new SupernetPosterior(Candidates, [[0.0, 1.0, 0.0], [0.0, 0.0, 1.0]], [0.5, 1.0], [[1.0, 0.0], [0.0, 1.0]], [1, 2], [0.0, 1.0],
            4.0, 3);

        var drawn = SupernetDraws.Distinct(posterior, 1, seed: 9).Single();

        Assert.Equal("k5_e6-skip@0.5-1/r2", drawn.Architecture);
        Assert.Equal([1, 2, 0, 1, 1], drawn.Tokens);
        Assert.Equal(0.0, drawn.LogProbability);
    }

    [Fact]
    public void the_same_seed_draws_the_same_children()
    {
        var posterior = Posterior([0.4, 0.3, 0.3], [0.2, 0.5, 0.3]);

        Assert.Equal(SupernetDraws.Distinct(posterior, 4, 11).Select(p => p.Architecture), SupernetDraws.Distinct(posterior, 4, 11).Select(p => p.Architecture));
        Assert.NotEqual(SupernetDraws.Distinct(posterior, 4, 11).Select(p => p.Architecture), SupernetDraws.Distinct(posterior, 4, 12).Select(p => p.Architecture));
    }
}
