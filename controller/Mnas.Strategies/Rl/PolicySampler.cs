using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using Mnas.Strategies.Randomness;
using Mnas.Strategies.Serialization;
using Mnas.Torch;

namespace Mnas.Strategies.Rl;

/// <summary>
/// The controller's sampling pass in managed code, over a copy of its weights taken once per policy version. Sampling
/// needs no gradients, and a 42-step pass through the engine costs hundreds of small operations (milliseconds), while
/// here it is a few dozen matrix-vector products (a fraction of a millisecond) — so a freed worker gets its next child
/// at once. The input half of each gate (W_ih·x + b_ih + b_hh) depends only on the token fed in, so it is computed for
/// every token of every group when the copy is taken.
/// </summary>
/// <remarks>
/// Arithmetic is float32 like the engine's, in one fixed order (eight-lane products summed lane by lane, then a scalar
/// tail) whatever the processor, so a restored controller draws bitwise the same samples. Log-softmax and the sums of
/// log-probabilities and entropies are in double.
/// </remarks>
internal sealed class PolicySampler
{
    private readonly TokenLayout layout;
    private readonly int hiddenSize;
    private readonly float[] recurrentWeights;
    private readonly float[] startGates;
    private readonly float[][] tokenGates;
    private readonly float[][] headWeights;
    private readonly float[][] headBiases;

    private PolicySampler(TokenLayout layout, int hiddenSize, IReadOnlyList<NamedArray> weights, float[] recurrentWeights, float[] startGates,
        float[][] tokenGates, float[][] headWeights, float[][] headBiases)
    {
        (this.layout, this.hiddenSize, Weights, this.recurrentWeights, this.startGates, this.tokenGates, this.headWeights, this.headBiases) =
            (layout, hiddenSize, weights, recurrentWeights, startGates, tokenGates, headWeights, headBiases);
    }

    /// <summary>The weights sampled from, named as <see cref="ControllerNetwork"/> names its parameters.</summary>
    public IReadOnlyList<NamedArray> Weights { get; }

    /// <summary>A copy of <paramref name="network"/>'s current weights, ready to sample from.</summary>
    public static PolicySampler From(ControllerNetwork network, int hiddenSize)
    {
        ArgumentNullException.ThrowIfNull(network);
        return From(network.Layout, network.named_parameters().Select(p => new NamedArray(p.Name, p.Parameter.shape, p.Parameter.data<float>())).ToArray(),
            hiddenSize);
    }

    /// <summary>A sampler over saved weights (every parameter of a <see cref="ControllerNetwork"/> for <paramref name="layout"/>).</summary>
    public static PolicySampler From(TokenLayout layout, IReadOnlyList<NamedArray> arrays, int hiddenSize)
    {
        var weights = arrays.ToDictionary(p => p.Name, p => p.Data);
        var inputWeights = weights["lstm.weight_ih"];
        var embeddingSize = inputWeights.Length / (4 * hiddenSize);
        var biases = weights["lstm.bias_ih"].Zip(weights["lstm.bias_hh"], (a, b) => a + b).ToArray();

        float[] InputGates(ReadOnlySpan<float> input)
        {
            var gates = new float[4 * hiddenSize];
            for (var row = 0; row < gates.Length; row++)
            {
                gates[row] = Dot(inputWeights.AsSpan(row * embeddingSize, embeddingSize), input) + biases[row];
            }

            return gates;
        }

        var tokenGates = new float[layout.GroupNames.Count][];
        var headWeights = new float[layout.GroupNames.Count][];
        var headBiases = new float[layout.GroupNames.Count][];
        for (var group = 0; group < tokenGates.Length; group++)
        {
            var name = layout.GroupNames[group];
            var embedding = weights[$"embed_{name}"];
            var choices = layout.ChoiceCounts[group];
            tokenGates[group] = new float[choices * 4 * hiddenSize];
            for (var token = 0; token < choices; token++)
            {
                InputGates(embedding.AsSpan(token * embeddingSize, embeddingSize)).CopyTo(tokenGates[group], token * 4 * hiddenSize);
            }

            headWeights[group] = weights[$"head_{name}.weight"];
            headBiases[group] = weights[$"head_{name}.bias"];
        }

        return new PolicySampler(layout, hiddenSize, arrays, weights["lstm.weight_hh"], InputGates(weights["start"]), tokenGates, headWeights,
            headBiases);
    }

    /// <summary>
    /// Draws one token per step, each by inverting its softmax's CDF at the next uniform of <paramref name="rng"/> (one
    /// draw per step, in step order); returns the tokens, the summed log-probability of the chosen tokens and the
    /// summed entropy of the steps.
    /// </summary>
    public (int[] Tokens, double LogProbability, double Entropy) Draw(Xoshiro256StarStar rng)
    {
        ArgumentNullException.ThrowIfNull(rng);
        var h = hiddenSize;
        var hidden = new float[h];
        var cell = new float[h];
        var gates = new float[4 * h];
        var maxChoices = layout.ChoiceCounts.Max();
        var logits = new double[maxChoices];
        var probabilities = new double[maxChoices];
        var tokens = new int[layout.Steps];
        ReadOnlySpan<float> inputGates = startGates;
        double logProbability = 0, entropy = 0;
        for (var step = 0; step < layout.Steps; step++)
        {
            for (var row = 0; row < gates.Length; row++)
            {
                gates[row] = inputGates[row] + Dot(recurrentWeights.AsSpan(row * h, h), hidden);
            }

            for (var j = 0; j < h; j++)
            {
                cell[j] = Sigmoid(gates[h + j]) * cell[j] + Sigmoid(gates[j]) * MathF.Tanh(gates[2 * h + j]);
                hidden[j] = Sigmoid(gates[3 * h + j]) * MathF.Tanh(cell[j]);
            }

            var group = layout.Groups[step];
            var choices = layout.ChoiceCounts[group];
            var max = double.NegativeInfinity;
            for (var k = 0; k < choices; k++)
            {
                logits[k] = Dot(headWeights[group].AsSpan(k * h, h), hidden) + headBiases[group][k];
                max = Math.Max(max, logits[k]);
            }

            var total = 0.0;
            for (var k = 0; k < choices; k++)
            {
                total += Math.Exp(logits[k] - max);
            }

            var logTotal = max + Math.Log(total);
            for (var k = 0; k < choices; k++)
            {
                logits[k] -= logTotal;
                probabilities[k] = Math.Exp(logits[k]);
                entropy -= probabilities[k] * logits[k];
            }

            var token = Categorical.Invert(probabilities.AsSpan(0, choices), rng.NextDouble());
            tokens[step] = token;
            logProbability += logits[token];
            inputGates = tokenGates[group].AsSpan(token * 4 * h, 4 * h);
        }

        return (tokens, logProbability, entropy);
    }

    private static float Sigmoid(float z) => 1f / (1f + MathF.Exp(-z));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static float Dot(ReadOnlySpan<float> a, ReadOnlySpan<float> b)
    {
        ref var left = ref MemoryMarshal.GetReference(a);
        ref var right = ref MemoryMarshal.GetReference(b);
        var lanes = Vector256<float>.Zero;
        var i = 0;
        for (; i <= a.Length - Vector256<float>.Count; i += Vector256<float>.Count)
        {
            lanes += Vector256.LoadUnsafe(ref left, (nuint)i) * Vector256.LoadUnsafe(ref right, (nuint)i);
        }

        var sum = 0f;
        for (var lane = 0; lane < Vector256<float>.Count; lane++)
        {
            sum += lanes.GetElement(lane);
        }

        for (; i < a.Length; i++)
        {
            sum += a[i] * b[i];
        }

        return sum;
    }
}
