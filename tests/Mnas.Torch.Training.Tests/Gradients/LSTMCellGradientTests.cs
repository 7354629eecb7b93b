using Mnas.Torch.Modules;
using Mnas.Torch.Training.Tests.Support;

namespace Mnas.Torch.Training.Tests.Gradients;

public class LSTMCellGradientTests
{
    private const int Input = 3, Hidden = 4, Batch = 2;

    [Fact]
    public void lstm_cell_one_step_gradients_of_input_state_and_weights_match_finite_differences()
    {
        using var scope = torch.NewDisposeScope();
        using var cell = Float64Cell();
        var x = TestData.Float64(31, [Batch, Input], -2, 2);
        var h = TestData.Float64(32, [Batch, Hidden]);
        var c = TestData.Float64(33, [Batch, Hidden]);

        GradCheck.AssertGradientsMatch(() =>
            {
                var (h1, c1) = cell.forward((x, h, c));
                return torch.cat([h1, c1], 1);
            },
            [("input", x), ("hidden", h), ("cell", c), ("weight_ih", cell.weight_ih), ("weight_hh", cell.weight_hh),
                ("bias_ih", cell.bias_ih!), ("bias_hh", cell.bias_hh!)]);
    }

    [Fact]
    public void lstm_cell_two_step_gradients_through_the_recurrence_match_finite_differences()
    {
        using var scope = torch.NewDisposeScope();
        using var cell = Float64Cell();
        var x1 = TestData.Float64(34, [Batch, Input], -2, 2);
        var x2 = TestData.Float64(35, [Batch, Input], -2, 2);
        var h = TestData.Float64(36, [Batch, Hidden]);
        var c = TestData.Float64(37, [Batch, Hidden]);

        GradCheck.AssertGradientsMatch(() =>
            {
                var (h1, c1) = cell.forward((x1, h, c));
                var (h2, c2) = cell.forward((x2, h1, c1));
                return torch.cat([h2, c2], 1);
            },
            [("x1", x1), ("x2", x2), ("hidden", h), ("cell", c), ("weight_ih", cell.weight_ih), ("weight_hh", cell.weight_hh),
                ("bias_ih", cell.bias_ih!), ("bias_hh", cell.bias_hh!)]);
    }

    [Fact]
    public void lstm_cell_step_equals_a_plain_loop_with_gate_order_i_f_g_o()
    {
        using var scope = torch.NewDisposeScope();
        using var cell = Float64Cell();
        var xs = TestData.Uniform(38, Batch * Input, -2, 2);
        var hs = TestData.Uniform(39, Batch * Hidden);
        var cs = TestData.Uniform(40, Batch * Hidden);

        var (h1, c1) = cell.forward((torch.tensor(xs, [Batch, Input]), torch.tensor(hs, [Batch, Hidden]), torch.tensor(cs, [Batch, Hidden])));

        var wih = cell.weight_ih.data<double>();
        var whh = cell.weight_hh.data<double>();
        var bih = cell.bias_ih!.data<double>();
        var bhh = cell.bias_hh!.data<double>();
        var expectedH = new double[Batch * Hidden];
        var expectedC = new double[Batch * Hidden];
        for (var n = 0; n < Batch; n++)
        {
            double Gate(int row)
            {
                var sum = bih[row] + bhh[row];
                for (var k = 0; k < Input; k++)
                {
                    sum += wih[row * Input + k] * xs[n * Input + k];
                }
                for (var k = 0; k < Hidden; k++)
                {
                    sum += whh[row * Hidden + k] * hs[n * Hidden + k];
                }
                return sum;
            }
            for (var j = 0; j < Hidden; j++)
            {
                var i = Sigmoid(Gate(j));
                var f = Sigmoid(Gate(Hidden + j));
                var g = Math.Tanh(Gate(2 * Hidden + j));
                var o = Sigmoid(Gate(3 * Hidden + j));
                var c = f * cs[n * Hidden + j] + i * g;
                expectedC[n * Hidden + j] = c;
                expectedH[n * Hidden + j] = o * Math.Tanh(c);
            }
        }
        Approx.Equal(expectedH, h1.data<double>(), atol: 1e-12);
        Approx.Equal(expectedC, c1.data<double>(), atol: 1e-12);
    }

    private static double Sigmoid(double v) => 1 / (1 + Math.Exp(-v));

    private static LSTMCell Float64Cell()
    {
        var cell = torch.nn.LSTMCell(Input, Hidden);
        cell.to(ScalarType.Float64);
        // Deterministic weights from a C# generator (the default init draws from libtorch's global generator).
        var state = new Dictionary<string, Tensor>();
        var seed = 100;
        foreach (var (name, p) in cell.named_parameters())
        {
            state[name] = TestData.Float64(seed++, p.shape, -0.8, 0.8, requiresGrad: false);
        }
        cell.load_state_dict(state);
        foreach (var t in state.Values)
        {
            t.Dispose();
        }
        return cell;
    }
}
