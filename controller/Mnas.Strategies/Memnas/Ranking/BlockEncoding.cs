using Mnas.SearchSpace.Space;
using Mnas.Torch;

namespace Mnas.Strategies.Memnas.Ranking;

/// <summary>
/// A sample as the rankers read it: one vector per block (<see cref="ModelSpace.Decisions"/> grouped by
/// <see cref="Decision.Block"/>, in block order), the one-hot of each of the block's six decisions concatenated in
/// decision order. Every block of a space offers the same choices, so every block vector has <see cref="Width"/> entries
/// (18 for the default space: 5 ops, 2 kernels, 2 SE ratios, 3 skips, 3 widths, 3 layer deltas).
/// </summary>
public sealed class BlockEncoding
{
    private readonly IReadOnlyList<Decision>[] blocks;
    private readonly int[][] offsets;
    private readonly int decisions;

    public BlockEncoding(ModelSpace space)
    {
        ArgumentNullException.ThrowIfNull(space);
        blocks = space.Decisions.GroupBy(d => d.Block).OrderBy(g => g.Key).Select(g => (IReadOnlyList<Decision>)g.ToArray()).ToArray();
        if (blocks.Length == 0)
        {
            throw new ArgumentException("the space has no blocks to encode", nameof(space));
        }

        offsets = blocks.Select(Offsets).ToArray();
        decisions = space.Decisions.Count;
        Width = blocks[0].Sum(d => d.Choices.Count);
        if (blocks.FirstOrDefault(b => b.Sum(d => d.Choices.Count) != Width) is { } uneven)
        {
            throw new ArgumentException(
                $"block {uneven[0].Block} has {uneven.Sum(d => d.Choices.Count)} choices in all but block {blocks[0][0].Block} has {Width}; " +
                "the block encoding needs every block to offer the same number", nameof(space));
        }

        Signature = string.Join(' ', space.Decisions.Select(d => $"{d.Name}:{d.Choices.Count}"));
    }

    /// <summary>Blocks per sample: the length of the sequence an encoder reads.</summary>
    public int Blocks => blocks.Length;

    /// <summary>Entries per block vector.</summary>
    public int Width { get; }

    /// <summary>Decision names and choice counts: a ranker's saved state fits only a space with the same.</summary>
    public string Signature { get; }

    /// <summary>The block vectors of one sample, block after block (<see cref="Blocks"/> × <see cref="Width"/> entries).</summary>
    public float[] Encode(Sample sample)
    {
        var vector = new float[Blocks * Width];
        Write(sample, vector, 0);
        return vector;
    }

    /// <summary>The block vectors of several samples as one tensor [blocks, samples, width]: an encoder's input, one block step per row.</summary>
    public Tensor Batch(IReadOnlyList<Sample> samples)
    {
        ArgumentNullException.ThrowIfNull(samples);
        var data = new float[Blocks * samples.Count * Width];
        var perSample = new float[Blocks * Width];
        for (var s = 0; s < samples.Count; s++)
        {
            Array.Clear(perSample);
            Write(samples[s], perSample, 0);
            for (var b = 0; b < Blocks; b++)
            {
                Array.Copy(perSample, b * Width, data, (b * samples.Count + s) * Width, Width);
            }
        }

        return torch.tensor(data, [Blocks, samples.Count, Width]);
    }

    private void Write(Sample sample, float[] vector, int start)
    {
        ArgumentNullException.ThrowIfNull(sample);
        if (sample.Choices.Count != decisions)
        {
            throw new ArgumentException(
                $"the sample does not belong to this space: it has {sample.Choices.Count} decisions, the space {decisions}", nameof(sample));
        }

        for (var b = 0; b < blocks.Length; b++)
        {
            for (var d = 0; d < blocks[b].Count; d++)
            {
                var decision = blocks[b][d];
                vector[start + b * Width + offsets[b][d] + IndexOf(sample, decision)] = 1;
            }
        }
    }

    private static int IndexOf(Sample sample, Decision decision)
    {
        int index;
        string value;
        try
        {
            (index, value) = (sample[decision.Name], sample.ValueOf(decision.Name));
        }
        catch (KeyNotFoundException)
        {
            throw new ArgumentException($"the sample does not belong to this space: {decision.Name}: missing choice", nameof(sample));
        }

        return index >= 0 && index < decision.Choices.Count && decision.Choices[index] == value
            ? index
            : throw new ArgumentException(
                $"the sample does not belong to this space: {decision.Name}: choice {index} is not '{value}' here", nameof(sample));
    }

    private static int[] Offsets(IReadOnlyList<Decision> block)
    {
        var result = new int[block.Count];
        for (var d = 1; d < block.Count; d++)
        {
            result[d] = result[d - 1] + block[d - 1].Choices.Count;
        }

        return result;
    }
}
