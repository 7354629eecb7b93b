using Mnas.SearchSpace.Space;
using Mnas.SearchSpace.Spec;
using Mnas.SearchSpace.Tests.Support;

namespace Mnas.SearchSpace.Tests.Space;

public class SampleCanonicalTests
{
    private static readonly ModelSpace Default = new(new CampaignSpec());

    [Fact]
    public void the_canonical_string_lists_every_choice_in_decision_order()
    {
        var sample = Default.FromTokens(Enumerable.Repeat(0, 42).ToArray());

        Assert.StartsWith("b1.op=conv b1.kernel=3 b1.se=0.0 b1.skip=none b1.width=0.75 b1.layers=-1 b2.op=conv ", sample.Canonical);
        Assert.EndsWith(" b7.width=0.75 b7.layers=-1", sample.Canonical);
        Assert.Equal(sample.Canonical, sample.ToString());
    }

    [Fact]
    public void a_sample_reads_back_from_its_canonical_string()
    {
        var rng = new Random(1);
        for (var i = 0; i < 1000; i++)
        {
            var sample = Default.Random(rng);
            var parsed = Default.Parse(sample.Canonical);

            Assert.Equal(sample, parsed);
            Assert.Equal(sample.ToTokens(), parsed.ToTokens());
        }
    }

    [Fact]
    public void distinct_canonical_strings_go_with_distinct_token_sequences()
    {
        var rng = new Random(2);
        var samples = Enumerable.Range(0, 1000).Select(_ => Default.Random(rng)).ToArray();

        var tokensByString = new Dictionary<string, string>();
        var stringByTokens = new Dictionary<string, string>();
        foreach (var sample in samples)
        {
            var tokens = string.Join(',', sample.ToTokens());
            Assert.Equal(tokens, tokensByString.GetValueOrDefault(sample.Canonical, tokens));
            Assert.Equal(sample.Canonical, stringByTokens.GetValueOrDefault(tokens, sample.Canonical));
            tokensByString[sample.Canonical] = tokens;
            stringByTokens[tokens] = sample.Canonical;
        }

        // 540^7 points: 1,000 random samples are all different.
        Assert.Equal(1000, tokensByString.Count);
        Assert.Equal(1000, stringByTokens.Count);
        Assert.Equal(1000, samples.Distinct().Count());
    }

    [Fact]
    public void equal_samples_have_equal_strings_and_hashes()
    {
        var a = Default.Random(new Random(5));
        var b = Default.FromTokens(a.ToTokens());

        Assert.Equal(a, b);
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
        Assert.NotEqual(a, Default.Random(new Random(6)));
    }

    [Fact]
    public void parsing_accepts_any_order_and_extra_spaces()
    {
        var sample = Default.Random(new Random(3));
        var shuffled = "  " + string.Join("   ", sample.Choices.Reverse()) + " ";

        Assert.Equal(sample, Default.Parse(shuffled));
    }

    [Fact]
    public void a_sample_reads_its_choices_by_decision_name()
    {
        var sample = Default.Parse(SampleText.Uniform(b => b == 1 ? "mbconv1" : "mbconv6", kernel: "5", layers: "+1"));

        Assert.Equal("mbconv1", sample.ValueOf("b1.op"));
        Assert.Equal(2, sample["b1.op"]);
        Assert.Equal(4, sample["b2.op"]);
        Assert.Equal(1, sample["b7.kernel"]);
        Assert.Equal("+1", sample.ValueOf("b4.layers"));
        Assert.Throws<KeyNotFoundException>(() => sample["b8.op"]);
    }

    [Theory]
    [InlineData("b1.kernel=3", "b1.kernel=4", "b1.kernel: unknown choice '4' (choices: 3, 5)")]
    [InlineData("b1.layers=0", "b1.layers=1", "b1.layers: unknown choice '1' (choices: -1, 0, +1)")]
    [InlineData("b1.op=mbconv6", "b9.op=conv", "unknown decision 'b9.op'")]
    [InlineData("b2.skip=identity", "b2.skip", "'b2.skip' is not decision=value")]
    [InlineData("b2.skip=identity", "=identity", "'=identity' is not decision=value")]
    public void a_bad_pair_is_named_in_the_parse_error(string pair, string replacement, string expected)
    {
        var text = SampleText.Uniform(_ => "mbconv6").Replace(pair, replacement, StringComparison.Ordinal);

        var error = Assert.Throws<FormatException>(() => Default.Parse(text));

        Assert.StartsWith($"not a sample of this space: {expected}", error.Message);
    }

    [Fact]
    public void missing_and_repeated_decisions_are_named()
    {
        var text = SampleText.Uniform(_ => "mbconv6").Replace("b3.skip=identity ", "").Replace("b5.se=0.0 ", "") + " b2.op=conv";

        var error = Assert.Throws<FormatException>(() => Default.Parse(text));

        Assert.Equal("not a sample of this space: b2.op: given twice; missing decisions b3.skip, b5.se", error.Message);
    }
}
