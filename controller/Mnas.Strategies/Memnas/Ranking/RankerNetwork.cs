using Mnas.Strategies.Randomness;
using Mnas.Torch;
using Mnas.Torch.Modules;

namespace Mnas.Strategies.Memnas.Ranking;

/// <summary>
/// What both rankers share: an encoder LSTM cell (<c>encoder</c>) that reads a network's block vectors
/// (<see cref="BlockEncoding"/>) in order, its last hidden state being the network's feature; and a head of its own that
/// turns the features of a round's base and candidates into one score per candidate.
/// </summary>
internal abstract class RankerNetwork : Module
{
    protected RankerNetwork(int blockWidth, int hiddenUnits)
    {
        HiddenUnits = hiddenUnits;
        encoder = register_module(nameof(encoder), torch.nn.LSTMCell(blockWidth, hiddenUnits));
    }

    public int HiddenUnits { get; }

    public LSTMCell encoder { get; }

    /// <summary>The features of a batch of networks, [networks, hidden units], from their block vectors [blocks, networks, width].</summary>
    public Tensor Encode(Tensor blocks)
    {
        using var scope = torch.NewDisposeScope();
        var (hidden, cell) = encoder.initial_state(blocks.size(1));
        for (var block = 0; block < blocks.size(0); block++)
        {
            using var input = blocks.select(0, block);
            (hidden, cell) = encoder.forward((input, hidden, cell));
        }

        return hidden.MoveToOuterDisposeScope();
    }

    /// <summary>One score per candidate of the batch, [candidates], from the features of its networks [networks, hidden units].</summary>
    public abstract Tensor Scores(Tensor features, RoundBatch batch);

    /// <summary>
    /// Draws every parameter from <paramref name="rng"/>, layer by layer in registration order: uniform in ±1/√hidden for
    /// an LSTM cell and ±1/√inputs for a linear layer, PyTorch's defaults, so the seed alone fixes the initial weights.
    /// </summary>
    public void Initialize(Xoshiro256StarStar rng)
    {
        using var noGrad = torch.no_grad();
        foreach (var (name, layer) in named_children())
        {
            var bound = layer switch
            {
                LSTMCell cell => 1 / Math.Sqrt(cell.HiddenSize),
                Linear linear => 1 / Math.Sqrt(linear.weight.size(1)),
                _ => throw new InvalidOperationException($"'{name}' is neither an LSTM cell nor a linear layer"),
            };
            foreach (var parameter in layer.parameters())
            {
                var values = new float[parameter.numel()];
                for (var i = 0; i < values.Length; i++)
                {
                    values[i] = (float)((2 * rng.NextDouble() - 1) * bound);
                }

                using var source = torch.tensor(values, parameter.shape);
                parameter.copy_(source);
            }
        }
    }

    /// <summary>Trainable numbers in all.</summary>
    public long ParameterCount => parameters().Sum(p => p.numel());
}
