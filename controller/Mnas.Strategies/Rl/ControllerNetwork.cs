using Mnas.Strategies.Randomness;
using Mnas.Torch;
using Mnas.Torch.Modules;

namespace Mnas.Strategies.Rl;

/// <summary>
/// The NASNet/MnasNet controller: a one-layer LSTM cell run once per decision. Each group of decisions (each
/// decision by default, see <see cref="HeadSharing"/>) has its own softmax head (Linear hidden → choices) and its
/// own input embedding; the embedding of the token chosen at one step is the next step's input, and the first step
/// takes a learned start embedding. Parameters are named <c>start</c>, <c>embed_{group}</c>, <c>lstm.*</c> and
/// <c>head_{group}.*</c> (groups <c>op</c>, <c>kernel</c>, … or <c>b1_op</c>, …).
/// </summary>
public sealed class ControllerNetwork : Module
{
    private readonly List<Parameter> embeddings = [];
    private readonly List<Linear> heads = [];

    public ControllerNetwork(TokenLayout layout, int hiddenSize, int embeddingSize)
    {
        ArgumentNullException.ThrowIfNull(layout);
        Layout = layout;
        start = NewParameter([1, embeddingSize]);
        register_parameter(nameof(start), start);
        for (var group = 0; group < layout.GroupNames.Count; group++)
        {
            embeddings.Add(NewParameter([layout.ChoiceCounts[group], embeddingSize]));
            register_parameter($"embed_{layout.GroupNames[group]}", embeddings[group]);
        }

        lstm = register_module(nameof(lstm), torch.nn.LSTMCell(embeddingSize, hiddenSize));
        for (var group = 0; group < layout.GroupNames.Count; group++)
        {
            heads.Add(register_module($"head_{layout.GroupNames[group]}", torch.nn.Linear(hiddenSize, layout.ChoiceCounts[group])));
        }
    }

    public TokenLayout Layout { get; }

    public Parameter start { get; }

    public LSTMCell lstm { get; }

    /// <summary>Sets every parameter uniform in [−range, range] from <paramref name="rng"/>, in <see cref="Module.named_parameters"/> order.</summary>
    public void InitializeUniform(Xoshiro256StarStar rng, double range)
    {
        using var scope = torch.NewDisposeScope();
        using var noGrad = torch.no_grad();
        foreach (var (_, parameter) in named_parameters())
        {
            var values = new float[parameter.numel()];
            for (var i = 0; i < values.Length; i++)
            {
                values[i] = (float)((2 * rng.NextDouble() - 1) * range);
            }

            parameter.copy_(torch.tensor(values, parameter.shape));
        }
    }

    /// <summary>The first step's input for a batch: the start embedding repeated.</summary>
    public Tensor StartInput(long batch) => start.expand(batch, start.size(1));

    /// <summary>The embeddings of a batch of tokens chosen at a step of this group (int64 indices, shape [batch]).</summary>
    public Tensor Embed(int group, Tensor tokens) => embeddings[group].index_select(0, tokens);

    /// <summary>The embedding of one chosen token, shape [1, embedding].</summary>
    public Tensor Embed(int group, int token) => embeddings[group].narrow(0, token, 1);

    public (Tensor Hidden, Tensor Cell) Step(Tensor input, Tensor hidden, Tensor cell) => lstm.forward((input, hidden, cell));

    /// <summary>Log-softmax over the choices of a step of this group, shape [batch, choices].</summary>
    public Tensor LogProbabilities(int group, Tensor hidden)
    {
        using var logits = heads[group].forward(hidden);
        return logits.log_softmax(1);
    }

    private static Parameter NewParameter(long[] shape)
    {
        using var data = torch.zeros(shape);
        return new Parameter(data);
    }
}
