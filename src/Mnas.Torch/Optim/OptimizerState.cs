namespace Mnas.Torch.Optim;

/// <summary>One parameter's state in an optimiser: its step count (Adam's, AdamW's and RMSprop's) and its state tensors by slot (null: none yet).</summary>
public sealed record OptimizerParameterState(long Step, IReadOnlyList<Tensor?> Slots);

/// <summary>A copy of an optimiser's state, parameter by parameter (see <see cref="Optimizer.state_dict"/>); disposing it frees the tensors.</summary>
public sealed class OptimizerState(IReadOnlyList<OptimizerParameterState> parameters) : IDisposable
{
    public IReadOnlyList<OptimizerParameterState> Parameters { get; } = parameters;

    public void Dispose()
    {
        foreach (var tensor in Parameters.SelectMany(p => p.Slots))
        {
            tensor?.Dispose();
        }
    }
}
