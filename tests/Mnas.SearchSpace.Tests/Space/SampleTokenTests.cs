using Mnas.SearchSpace.Space;
using Mnas.SearchSpace.Spec;

namespace Mnas.SearchSpace.Tests.Space;

public class SampleTokenTests
{
    private static readonly ModelSpace Default = new(new CampaignSpec());

    [Fact]
    public void tokens_are_the_choice_indices_in_decision_order()
    {
        var sample = Default.Parse(Support.SampleText.Uniform(b => b == 1 ? "dwconv" : "mbconv3", kernel: "5", se: "0.25", skip: "pooling", width: "1.25", layers: "-1"));

        var tokens = sample.ToTokens();

        Assert.Equal(42, tokens.Length);
        Assert.Equal([1, 1, 1, 2, 2, 0, 3, 1, 1, 2, 2, 0], tokens.Take(12));
    }

    [Fact]
    public void tokens_read_back_to_the_same_sample()
    {
        var rng = new Random(11);
        for (var i = 0; i < 1000; i++)
        {
            var sample = Default.Random(rng);
            Assert.Equal(sample, Default.FromTokens(sample.ToTokens()));
        }
    }

    [Fact]
    public void the_same_seed_gives_the_same_samples()
    {
        var first = new Random(9);
        var second = new Random(9);

        for (var i = 0; i < 10; i++)
        {
            Assert.Equal(Default.Random(first).Canonical, Default.Random(second).Canonical);
        }
    }

    [Fact]
    public void random_sampling_reaches_every_choice_of_every_decision()
    {
        var rng = new Random(4);
        var samples = Enumerable.Range(0, 1000).Select(_ => Default.Random(rng)).ToArray();

        foreach (var (decision, position) in Default.Decisions.Select((d, i) => (d, i)))
        {
            var seen = samples.Select(s => s.ToTokens()[position]).Distinct().Order();
            Assert.Equal(Enumerable.Range(0, decision.Choices.Count), seen);
        }
    }

    [Fact]
    public void a_token_sequence_of_the_wrong_length_is_rejected()
    {
        var error = Assert.Throws<ArgumentException>(() => Default.FromTokens(new int[41]));

        Assert.StartsWith("expected 42 tokens (one per decision), got 41", error.Message);
    }

    [Fact]
    public void an_out_of_range_token_is_rejected_naming_its_decision()
    {
        var tokens = new int[42];
        tokens[7] = 2;
        tokens[41] = -1;

        var error = Assert.Throws<ArgumentException>(() => Default.FromTokens(tokens));

        Assert.StartsWith("b2.kernel: choice index 2 out of range (0..1); b7.layers: choice index -1 out of range (0..2)", error.Message);
    }

    [Fact]
    public void a_sample_is_created_from_decision_names_and_choice_indices()
    {
        var choices = Default.Decisions.ToDictionary(d => d.Name, d => d.Choices.Count - 1);

        var sample = Default.Create(choices);

        Assert.Equal("mbconv6", sample.ValueOf("b1.op"));
        Assert.Equal("+1", sample.ValueOf("b7.layers"));
        Assert.Equal(Default.Decisions.Select(d => d.Choices.Count - 1), sample.ToTokens());
    }

    [Fact]
    public void creating_a_sample_with_a_missing_or_out_of_range_choice_names_the_decision()
    {
        var choices = Default.Decisions.ToDictionary(d => d.Name, _ => 0);
        choices.Remove("b4.se");
        choices["b6.skip"] = 3;
        choices["b8.op"] = 0;

        var error = Assert.Throws<ArgumentException>(() => Default.Create(choices));

        Assert.StartsWith("unknown decision 'b8.op'; b4.se: missing choice; b6.skip: choice index 3 out of range (0..2)", error.Message);
    }
}
