namespace Mnas.Workers.Supernet;

/// <summary>
/// How a DNAS search trains its supernet (FBNet's defaults where the paper gives them): epochs, of which the first
/// <see cref="WarmupEpochs"/> train the weights only; the Gumbel-softmax temperature τ = initial · decay^(epoch − 1);
/// the loss's α and β; Adam on the architecture logits θ; hard (straight-through) samples or soft ones; and how many
/// architectures to sample from P_θ at the end. The weights follow the campaign's training recipe.
/// </summary>
public sealed record DnasOptions
{
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

    /// <summary>The temperature of an epoch (1 for the first).</summary>
    public double Temperature(int epoch) => InitialTemperature * Math.Pow(TemperatureDecay, epoch - 1);

    /// <summary>Every problem, each naming its setting.</summary>
    public IEnumerable<string> Validate()
    {
        if (Epochs < 1)
        {
            yield return $"epochs: must be at least 1 (got {Epochs})";
        }
        if (WarmupEpochs < 0 || WarmupEpochs >= Epochs)
        {
            yield return $"warmup_epochs: must lie in [0, epochs) so that θ trains at all (got {WarmupEpochs} of {Epochs})";
        }
        if (!(InitialTemperature > 0) || double.IsInfinity(InitialTemperature))
        {
            yield return $"initial_temperature: must be positive (got {InitialTemperature})";
        }
        if (!(TemperatureDecay is > 0 and <= 1))
        {
            yield return $"temperature_decay: must lie in (0, 1] (got {TemperatureDecay})";
        }
        if (!(Alpha > 0) || double.IsInfinity(Alpha))
        {
            yield return $"alpha: must be positive (got {Alpha})";
        }
        if (!(Beta >= 0) || double.IsInfinity(Beta))
        {
            yield return $"beta: must not be negative (got {Beta})";
        }
        if (!(ThetaLearningRate > 0) || double.IsInfinity(ThetaLearningRate))
        {
            yield return $"theta_learning_rate: must be positive (got {ThetaLearningRate})";
        }
        if (!(ThetaWeightDecay >= 0) || double.IsInfinity(ThetaWeightDecay))
        {
            yield return $"theta_weight_decay: must not be negative (got {ThetaWeightDecay})";
        }
        if (Samples < 1)
        {
            yield return $"samples: must be at least 1 (got {Samples})";
        }
    }

    public void ThrowIfInvalid() => SettingsCheck.ThrowIfAny("dnas options", Validate());
}
