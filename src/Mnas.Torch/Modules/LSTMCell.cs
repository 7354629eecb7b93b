namespace Mnas.Torch.Modules;

/// <summary>
/// One LSTM step, as PyTorch's LSTMCell: gates i, f, g, o from x·W_ihᵀ + h·W_hhᵀ + biases;
/// c' = σ(f)·c + σ(i)·tanh(g); h' = σ(o)·tanh(c').
/// </summary>
public sealed class LSTMCell : Module<(Tensor Input, Tensor Hidden, Tensor Cell), (Tensor Hidden, Tensor Cell)>
{
    public LSTMCell(long inputSize, long hiddenSize, bool bias = true)
    {
        HiddenSize = hiddenSize;
        weight_ih = Init.Uniform([4 * hiddenSize, inputSize], hiddenSize);
        weight_hh = Init.Uniform([4 * hiddenSize, hiddenSize], hiddenSize);
        register_parameter(nameof(weight_ih), weight_ih);
        register_parameter(nameof(weight_hh), weight_hh);
        bias_ih = bias ? Init.Uniform([4 * hiddenSize], hiddenSize) : null;
        bias_hh = bias ? Init.Uniform([4 * hiddenSize], hiddenSize) : null;
        register_parameter(nameof(bias_ih), bias_ih);
        register_parameter(nameof(bias_hh), bias_hh);
    }

    public long HiddenSize { get; }
    public Parameter weight_ih { get; }
    public Parameter weight_hh { get; }
    public Parameter? bias_ih { get; }
    public Parameter? bias_hh { get; }

    public override (Tensor Hidden, Tensor Cell) forward((Tensor Input, Tensor Hidden, Tensor Cell) state)
    {
        using var scope = torch.NewDisposeScope();
        var gates = torch.nn.functional.linear(state.Input, weight_ih, bias_ih) + torch.nn.functional.linear(state.Hidden, weight_hh, bias_hh);
        var chunks = gates.chunk(4, 1);
        var cell = chunks[1].sigmoid() * state.Cell + chunks[0].sigmoid() * chunks[2].tanh();
        var hidden = chunks[3].sigmoid() * cell.tanh();
        return (hidden.MoveToOuterDisposeScope(), cell.MoveToOuterDisposeScope());
    }

    /// <summary>A zero hidden and cell state for a batch.</summary>
    public (Tensor Hidden, Tensor Cell) initial_state(long batch) => (torch.zeros(batch, HiddenSize), torch.zeros(batch, HiddenSize));
}
