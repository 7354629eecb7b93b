namespace Mnas.SearchSpace.Spec;

/// <summary>
/// How a differentiable campaign (<c>strategy: fbnet</c> or <c>fbnetv2</c>) searches: the candidate blocks of every
/// searchable layer (<see cref="Supernet.SupernetCandidate"/> names), the supernet's epochs (the first
/// <see cref="WarmupEpochs"/> train the weights only), the Gumbel-softmax temperature τ = initial · decay^(epoch − 1),
/// the latency loss CE·α·(log LAT)^β, Adam on θ, hard (straight-through) or soft samples, how many architectures are
/// drawn from P_θ and trained as children, and FBNetV2's channel multipliers and input resolutions (used by fbnetv2
/// only). Defaults are FBNet's and FBNetV2's where the papers give them.
/// </summary>
public sealed record DnasSpec
{
    public IReadOnlyList<string> Candidates { get; init; } = Supernet.SupernetCandidate.DefaultNames;

    public int Epochs { get; init; } = 10;

    public int WarmupEpochs { get; init; } = 2;

    public double InitialTemperature { get; init; } = 5.0;

    public double TemperatureDecay { get; init; } = 0.956;

    public double Alpha { get; init; } = 0.2;

    public double Beta { get; init; } = 0.6;

    public double ThetaLearningRate { get; init; } = 0.01;

    public double ThetaWeightDecay { get; init; } = 5e-4;

    public bool Hard { get; init; }

    public int Samples { get; init; } = 6;

    /// <summary>FBNetV2's channel search: multipliers of each searchable layer's channels.</summary>
    public IReadOnlyList<double> Widths { get; init; } = [0.5, 0.75, 1.0];

    /// <summary>FBNetV2's resolution search: input sub-sampling factors (1 is the full input; 2 keeps every second pixel).</summary>
    public IReadOnlyList<int> Resolutions { get; init; } = [1, 2];

    public bool Equals(DnasSpec? other) =>
        other is not null && Sequences.Equal(Candidates, other.Candidates) && Epochs == other.Epochs && WarmupEpochs == other.WarmupEpochs &&
        InitialTemperature.Equals(other.InitialTemperature) && TemperatureDecay.Equals(other.TemperatureDecay) && Alpha.Equals(other.Alpha) &&
        Beta.Equals(other.Beta) && ThetaLearningRate.Equals(other.ThetaLearningRate) && ThetaWeightDecay.Equals(other.ThetaWeightDecay) &&
        Hard == other.Hard && Samples == other.Samples && Sequences.Equal(Widths, other.Widths) && Sequences.Equal(Resolutions, other.Resolutions);

    public override int GetHashCode() => HashCode.Combine(Candidates?.Count, Epochs, Samples, Widths?.Count, Resolutions?.Count);
}
