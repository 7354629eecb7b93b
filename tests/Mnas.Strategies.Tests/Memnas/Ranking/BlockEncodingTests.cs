using Mnas.SearchSpace.Space;
using Mnas.SearchSpace.Spec;
using Mnas.Strategies.Memnas.Ranking;
using Mnas.Strategies.Tests.Support;
using Mnas.Torch;

namespace Mnas.Strategies.Tests.Memnas.Ranking;

public sealed class BlockEncodingTests
{
    [Fact]
    public void the_default_space_gives_seven_blocks_of_eighteen_entries()
    {
        var encoding = new BlockEncoding(Spaces.Default);

        // 5 ops + 2 kernels + 2 SE ratios + 3 skips + 3 widths + 3 layer deltas.
        Assert.Equal(7, encoding.Blocks);
        Assert.Equal(18, encoding.Width);
    }

    [Fact]
    public void mobilenet_v2_is_the_one_hot_of_each_blocks_six_choices()
    {
        var encoding = new BlockEncoding(Spaces.Default);
        var vector = encoding.Encode(NamedSamples.Resolve(Spaces.Default, NamedSamples.MobileNetV2));

        // Ops conv, dwconv, mbconv1, mbconv3, mbconv6 at 0-4; kernel 3 at 5; SE 0 at 7; skip identity at 9 + 1;
        // width 1.0 at 12 + 1; layer delta 0 at 15 + 1. The first block is mbconv1, the others mbconv6.
        int[] rest = [5, 7, 10, 13, 16];
        for (var block = 0; block < encoding.Blocks; block++)
        {
            var ones = Enumerable.Range(0, encoding.Width).Where(i => vector[block * encoding.Width + i] == 1).ToArray();
            Assert.Equal(rest.Prepend(block == 0 ? 2 : 4), ones);
            Assert.Equal(6, vector.Skip(block * encoding.Width).Take(encoding.Width).Sum());
        }
    }

    [Fact]
    public void a_batch_holds_each_samples_blocks_one_block_step_per_row()
    {
        var encoding = new BlockEncoding(SyntheticRounds.Space);
        var rng = new Random(3);
        var samples = Enumerable.Range(0, 5).Select(_ => SyntheticRounds.Space.Random(rng)).ToArray();

        using var scope = torch.NewDisposeScope();
        var batch = encoding.Batch(samples);

        Assert.Equal([encoding.Blocks, samples.Length, encoding.Width], batch.shape);
        var data = batch.data<float>();
        for (var s = 0; s < samples.Length; s++)
        {
            var vector = encoding.Encode(samples[s]);
            for (var block = 0; block < encoding.Blocks; block++)
            {
                Assert.Equal(vector.Skip(block * encoding.Width).Take(encoding.Width),
                    data.Skip((block * samples.Length + s) * encoding.Width).Take(encoding.Width));
            }
        }
    }

    [Fact]
    public void a_sample_of_another_space_is_refused()
    {
        var encoding = new BlockEncoding(Spaces.Default);
        var other = SyntheticRounds.Space.Random(new Random(1));

        var error = Assert.Throws<ArgumentException>(() => encoding.Encode(other));
        Assert.Contains("does not belong to this space", error.Message);
    }

    [Fact]
    public void a_sample_whose_choices_are_named_differently_is_refused()
    {
        var encoding = new BlockEncoding(SyntheticRounds.Space);
        var renamed = new ModelSpace(SyntheticRounds.Spec with { SearchSpace = new SearchSpaceSpec { Kernels = [3, 7] } });
        var sample = renamed.FromTokens(Enumerable.Repeat(1, renamed.Decisions.Count).ToArray());

        var error = Assert.Throws<ArgumentException>(() => encoding.Encode(sample));
        Assert.Contains("b1.kernel: choice 1 is not '7' here", error.Message);
    }
}
