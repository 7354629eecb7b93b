using Mnas.SearchSpace.Supernet;
using Mnas.Torch;
using Mnas.Workers.Supernet;

namespace Mnas.Workers.Tests.Supernet;

public class SposIndicatorTests
{
    [Fact]
    public void a_candidate_scores_the_mean_absolute_scale_of_its_last_batch_norm_and_a_subnet_the_sum_over_its_layers()
    {
        var space = new SupernetSpace(TinySupernet.Frame, [SupernetCandidate.Parse("k3_e1"), SupernetCandidate.Parse("k5_e3")]);
        using var network = new SupernetNetwork(space);
        var expected = new double[space.Positions.Count, space.Candidates.Count];
        for (var p = 0; p < space.Positions.Count; p++)
        {
            for (var c = 0; c < space.Candidates.Count; c++)
            {
                var gamma = BnIndicator.LastBatchNorm(network, p, c)!.weight!;
                var channels = (int)gamma.shape[0];
                var values = Enumerable.Range(0, channels).Select(i => (float)((i % 2 == 0 ? 1 : -1) * 0.125 * (i + 1) * (p + 1) * (c + 2))).ToArray();
                using (torch.no_grad())
                {
                    gamma.copy_(torch.tensor(values));
                }
                expected[p, c] = values.Select(v => Math.Abs((double)v)).Average();
            }
        }

        var scores = BnIndicator.Scores(network);
        int[] choice = [1, 0, 1];

        for (var p = 0; p < space.Positions.Count; p++)
        {
            for (var c = 0; c < space.Candidates.Count; c++)
            {
                Assert.Equal(expected[p, c], scores[p][c], 5);
            }
        }
        Assert.Equal(expected[0, 1] + expected[1, 0] + expected[2, 1], BnIndicator.Score(scores, choice), 5);
        // Position 0 projects 16 channels: its k5_e3's |γ| are 0.375·(1, 2, …, 16), whose mean is 0.375 · 8.5.
        Assert.Equal(0.375 * 8.5, scores[0][1], 5);
    }

    [Fact]
    public void a_position_that_does_not_offer_a_candidate_scores_it_0()
    {
        // Nine stem channels: two groups divide no position-0 input, so k3_e1_g2 is not offered there.
        var space = new SupernetSpace(TinySupernet.Frame with { StemChannels = 9 }, [SupernetCandidate.Parse("k3_e1"), SupernetCandidate.Parse("k3_e1_g2")]);
        using var network = new SupernetNetwork(space);

        var scores = BnIndicator.Scores(network);

        Assert.False(space.Offers(0, 1));
        Assert.Null(BnIndicator.LastBatchNorm(network, 0, 1));
        Assert.Equal(0.0, scores[0][1]);
        Assert.Equal(1.0, scores[0][0], 6);
    }

    [Fact]
    public void a_space_with_skip_is_refused_naming_skip()
    {
        var problem = BnIndicator.Problem(SupernetCandidate.DefaultNames.Select(SupernetCandidate.Parse).ToList());
        var e = Assert.Throws<ArgumentException>(() => new SposSearch(TinySupernet.Space(), new SposOptions(), SposTinySpace.Recipe));

        Assert.Equal("candidates: skip ends with no batch norm; BN-NAS scores each candidate by its last batch norm: leave it out", problem);
        Assert.StartsWith(problem, e.Message, StringComparison.Ordinal);
        Assert.Null(BnIndicator.Problem(SposTinySpace.Space().Candidates));
    }
}
