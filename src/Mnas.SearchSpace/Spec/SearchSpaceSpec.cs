namespace Mnas.SearchSpace.Spec;

/// <summary>
/// The choice list of each per-block decision; every block chooses from the same lists. Defaults are MnasNet's:
/// 5 ops × 2 kernels × 2 SE ratios × 3 skips × 3 widths × 3 layer deltas = 540 choices per block.
/// </summary>
public sealed record SearchSpaceSpec
{
    /// <summary>Names from <see cref="OpNames.Known"/>: conv, dwconv, mbconv1, mbconv3, mbconv6.</summary>
    public IReadOnlyList<string> Ops { get; init; } = ["conv", "dwconv", "mbconv1", "mbconv3", "mbconv6"];

    /// <summary>Odd kernel sizes.</summary>
    public IReadOnlyList<int> Kernels { get; init; } = [3, 5];

    /// <summary>Squeeze-and-excitation ratios in [0, 1); 0 means none.</summary>
    public IReadOnlyList<double> SeRatios { get; init; } = [0, 0.25];

    /// <summary>none, identity or pooling.</summary>
    public IReadOnlyList<string> Skips { get; init; } = ["none", "identity", "pooling"];

    /// <summary>Multipliers of the skeleton's per-block channels.</summary>
    public IReadOnlyList<double> Widths { get; init; } = [0.75, 1.0, 1.25];

    /// <summary>Added to the skeleton's per-block layer count (the result is at least 1).</summary>
    public IReadOnlyList<int> LayerDeltas { get; init; } = [-1, 0, 1];

    public bool Equals(SearchSpaceSpec? other) =>
        other is not null && Sequences.Equal(Ops, other.Ops) && Sequences.Equal(Kernels, other.Kernels) &&
        Sequences.Equal(SeRatios, other.SeRatios) && Sequences.Equal(Skips, other.Skips) &&
        Sequences.Equal(Widths, other.Widths) && Sequences.Equal(LayerDeltas, other.LayerDeltas);

    public override int GetHashCode() =>
        HashCode.Combine(Ops?.Count, Kernels?.Count, SeRatios?.Count, Skips?.Count, Widths?.Count, LayerDeltas?.Count);
}
