using Mnas.SearchSpace.Supernet;
using Mnas.SearchSpace.Architectures;
using Mnas.SearchSpace.Space;

namespace Mnas.Workers.Supernet;

/// <summary>
/// FBNetV2's channel search over a supernet: each position's output width is its frame channels × one of the
/// multipliers (rounded to a multiple of 8). The supernet runs every position at its widest and masks the output to
/// the sampled width (<see cref="ChannelMasking"/>), so its memory does not grow with the number of widths; the
/// lookup table holds each candidate at each width, timed in a frame whose every block has that multiplier.
/// </summary>
public sealed class WidthSearch
{
    private readonly int[][] channels;

    public WidthSearch(Architecture frame, IReadOnlyList<SupernetCandidate> candidates, IReadOnlyList<double> multipliers)
    {
        if (multipliers.Count == 0 || multipliers.Any(m => !(m > 0) || double.IsInfinity(m)) || multipliers.Distinct().Count() != multipliers.Count)
        {
            throw new ArgumentException($"widths: distinct positive multipliers (got [{string.Join(", ", multipliers)}])", nameof(multipliers));
        }
        Multipliers = multipliers.ToArray();
        Spaces = Multipliers.Select(m => new SupernetSpace(Scale(frame, m), candidates)).ToList();
        Widest = Spaces[Array.IndexOf(Multipliers.ToArray(), Multipliers.Max())];
        channels = Widest.Positions.Select(p => Spaces.Select(s => s.Positions[p.Index].OutChannels).ToArray()).ToArray();
    }

    public IReadOnlyList<double> Multipliers { get; }

    /// <summary>One space per multiplier, in the multipliers' order: their layers are the ones timed for the lookup table.</summary>
    public IReadOnlyList<SupernetSpace> Spaces { get; }

    /// <summary>The space at the largest multiplier: the supernet's layers.</summary>
    public SupernetSpace Widest { get; }

    /// <summary>The position's output channels at each multiplier.</summary>
    public IReadOnlyList<int> ChannelsAt(int position) => channels[position];

    /// <summary>The architecture of a candidate and a width per position; skipped positions are left out.</summary>
    public Architecture ToArchitecture(SupernetChoice choice, string? name = null)
    {
        if (choice.Widths is not { } widths || widths.Count != channels.Length || widths.Any(w => w < 0 || w >= Multipliers.Count))
        {
            throw new ArgumentException($"choice.Widths: a width index in [0, {Multipliers.Count}) per position ({channels.Length})", nameof(choice));
        }
        var uniform = Widest.ToArchitecture(choice.Candidates, name);
        var kept = Enumerable.Range(0, channels.Length).Where(p => !Widest.Candidates[choice.Candidates[p]].IsSkip).ToList();
        return uniform with
        {
            Name = name ?? $"{uniform.Name}@{string.Join("-", widths.Select(w => Multipliers[w].ToString(System.Globalization.CultureInfo.InvariantCulture)))}",
            Blocks = uniform.Blocks.Select((b, i) => b with { Channels = channels[kept[i]][widths[kept[i]]] }).ToList(),
        };
    }

    private static Architecture Scale(Architecture frame, double multiplier) =>
        frame with { Blocks = frame.Blocks.Select(b => b with { Channels = ChannelRounding.MakeDivisible(b.Channels * multiplier) }).ToList() };
}
