using Mnas.SearchSpace.Space;
using Mnas.Strategies.Serialization;

namespace Mnas.Strategies.Tests.Support;

/// <summary>
/// The controller's forward pass written out in plain C# doubles from its saved weights, with no libtorch: an LSTM
/// cell (gates i, f, g, o), a Linear head and a log-softmax per step. Heads are per decision (<c>head_b3_kernel</c>)
/// when the weights have them, else per kind (<c>head_kernel</c>). Used to check the controller's log-probabilities
/// and entropies independently.
/// </summary>
internal sealed class ReferenceController(IReadOnlyList<NamedArray> parameters)
{
    private readonly Dictionary<string, NamedArray> weights = parameters.ToDictionary(p => p.Name);

    /// <summary>Per step, the log-softmax row; and the sums of the chosen entries and of the entropies.</summary>
    public (double LogProbability, double Entropy, List<double[]> Rows) Score(ModelSpace space, Sample sample)
    {
        var hiddenSize = weights["lstm.weight_hh"].Shape[1];
        var h = new double[hiddenSize];
        var c = new double[hiddenSize];
        var x = Row(weights["start"], 0);
        var tokens = sample.ToTokens();
        double logProbability = 0, entropy = 0;
        var rows = new List<double[]>();
        for (var step = 0; step < tokens.Length; step++)
        {
            var decision = space.Decisions[step];
            var perDecision = decision.Name.Replace('.', '_');
            var group = weights.ContainsKey($"head_{perDecision}.weight") ? perDecision : decision.Kind.ToString().ToLowerInvariant();
            var gates = Add(Add(MatVec(weights["lstm.weight_ih"], x), weights["lstm.bias_ih"].Data),
                Add(MatVec(weights["lstm.weight_hh"], h), weights["lstm.bias_hh"].Data));
            for (var j = 0; j < hiddenSize; j++)
            {
                var (i, f, g, o) = (gates[j], gates[hiddenSize + j], gates[2 * hiddenSize + j], gates[3 * hiddenSize + j]);
                c[j] = Sigmoid(f) * c[j] + Sigmoid(i) * Math.Tanh(g);
                h[j] = Sigmoid(o) * Math.Tanh(c[j]);
            }

            var logits = Add(MatVec(weights[$"head_{group}.weight"], h), weights[$"head_{group}.bias"].Data);
            var max = logits.Max();
            var logSum = max + Math.Log(logits.Sum(z => Math.Exp(z - max)));
            var row = logits.Select(z => z - logSum).ToArray();
            rows.Add(row);
            logProbability += row[tokens[step]];
            entropy -= row.Sum(l => Math.Exp(l) * l);
            x = Row(weights[$"embed_{group}"], tokens[step]);
        }

        return (logProbability, entropy, rows);
    }

    private static double Sigmoid(double z) => 1 / (1 + Math.Exp(-z));

    private static double[] Row(NamedArray matrix, int row)
    {
        var width = (int)matrix.Shape[1];
        return matrix.Data.Skip(row * width).Take(width).Select(v => (double)v).ToArray();
    }

    private static double[] MatVec(NamedArray matrix, double[] vector)
    {
        var (rows, columns) = ((int)matrix.Shape[0], (int)matrix.Shape[1]);
        var result = new double[rows];
        for (var r = 0; r < rows; r++)
        {
            var sum = 0.0;
            for (var k = 0; k < columns; k++)
            {
                sum += matrix.Data[r * columns + k] * vector[k];
            }

            result[r] = sum;
        }

        return result;
    }

    private static double[] Add(double[] a, IReadOnlyList<float> b) => a.Select((v, i) => v + b[i]).ToArray();

    private static double[] Add(double[] a, double[] b) => a.Select((v, i) => v + b[i]).ToArray();
}
