namespace Mnas.Strategies.Tests.Memnas.Ranking;

public sealed class RankerDeterminismTests
{
    private static readonly Walk Walk = SyntheticRounds.Draw(5);

    [Theory]
    [InlineData(Rankers.Controller)]
    [InlineData(Rankers.Absolute)]
    public void two_rankers_of_one_seed_fit_and_score_identically(string kind)
    {
        using var first = Rankers.Create(kind, Rankers.Small);
        using var second = Rankers.Create(kind, Rankers.Small);
        var round = Walk.HeldOut[0];

        Assert.Equal(first.Score(round.Base, round.Candidates), second.Score(round.Base, round.Candidates));
        Assert.Equal(first.Fit(Walk.Training), second.Fit(Walk.Training));
        Assert.Equal(first.Score(round.Base, round.Candidates), second.Score(round.Base, round.Candidates));
        Assert.Equal(first.SaveState(), second.SaveState());
    }

    [Theory]
    [InlineData(Rankers.Controller)]
    [InlineData(Rankers.Absolute)]
    public void rankers_of_different_seeds_differ(string kind)
    {
        using var first = Rankers.Create(kind, Rankers.Small);
        using var second = Rankers.Create(kind, Rankers.Small with { Seed = Rankers.Small.Seed + 1 });
        var round = Walk.HeldOut[0];

        Assert.NotEqual(first.Score(round.Base, round.Candidates), second.Score(round.Base, round.Candidates));
        Assert.NotEqual(first.Fit(Walk.Training), second.Fit(Walk.Training));
    }

    [Theory]
    [InlineData(Rankers.Controller)]
    [InlineData(Rankers.Absolute)]
    public void fitting_twice_continues_from_the_first_fit(string kind)
    {
        using var twice = Rankers.Create(kind, Rankers.Small);
        using var once = Rankers.Create(kind, Rankers.Small with { Epochs = 2 * Rankers.Small.Epochs });
        twice.Fit(Walk.Training);

        Assert.Equal(once.Fit(Walk.Training), twice.Fit(Walk.Training));
    }
}
