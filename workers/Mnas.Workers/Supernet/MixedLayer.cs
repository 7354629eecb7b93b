using Mnas.Torch;
using Mnas.Torch.Modules;

namespace Mnas.Workers.Supernet;

/// <summary>
/// A searchable layer holding every candidate: its output is Σ_i m_i · b_i(x) for the weights m of one Gumbel-softmax
/// sample. A candidate whose weight is exactly 0 (not offered here, or not chosen by a hard sample) is not run. A null
/// candidate is the identity (skip).
/// </summary>
public sealed class MixedLayer : Module
{
    private readonly Module<Tensor, Tensor>?[] candidates;
    private readonly bool[] offered;

    /// <param name="candidates">One per candidate index; null for skip, or for a candidate not offered here (see <paramref name="offered"/>).</param>
    public MixedLayer(IReadOnlyList<Module<Tensor, Tensor>?> candidates, IReadOnlyList<bool> offered)
    {
        if (candidates.Count != offered.Count)
        {
            throw new ArgumentException("offered: one flag per candidate", nameof(offered));
        }
        this.candidates = candidates.ToArray();
        this.offered = offered.ToArray();
        for (var i = 0; i < this.candidates.Length; i++)
        {
            if (this.candidates[i] is { } candidate)
            {
                register_module($"candidate{i}", candidate);
            }
        }
    }

    public int Count => candidates.Length;

    /// <param name="weights">[candidates]: this layer's row of the sample.</param>
    /// <param name="values">The same row read on the host, when the caller has it (one read for the whole network).</param>
    public Tensor forward(Tensor input, Tensor weights, ReadOnlySpan<float> values = default)
    {
        using var scope = torch.NewDisposeScope();
        if (values.IsEmpty)
        {
            values = weights.detach().to("cpu").to(ScalarType.Float32).data<float>();
        }
        Tensor? sum = null;
        for (var i = 0; i < candidates.Length; i++)
        {
            if (!offered[i] || values[i] == 0f)
            {
                continue;
            }
            var output = candidates[i]?.forward(input) ?? input;
            var term = output * weights.select(0, i);
            sum = sum is null ? term : sum + term;
        }
        if (sum is null)
        {
            throw new ArgumentException("weights: every offered candidate has weight 0", nameof(weights));
        }
        return sum.MoveToOuterDisposeScope();
    }
}
