namespace Mnas.Torch.Tests;

public class MatmulLinearTests
{
    [Fact]
    public void matmul_of_2x3_and_3x2_gives_row_by_column_dot_products()
    {
        using var scope = torch.NewDisposeScope();
        var a = torch.tensor(new[] { 1f, 2f, 3f, 4f, 5f, 6f }, [2, 3]);
        var b = torch.tensor(new[] { 7f, 8f, 9f, 10f, 11f, 12f }, [3, 2]);
        // [1*7+2*9+3*11, 1*8+2*10+3*12; 4*7+5*9+6*11, 4*8+5*10+6*12]
        Expect.Values([2, 2], [58f, 64f, 139f, 154f], torch.matmul(a, b));
    }

    [Fact]
    public void matmul_of_matrix_and_vector_gives_a_vector()
    {
        using var scope = torch.NewDisposeScope();
        var a = torch.tensor(new[] { 1f, 2f, 3f, 4f, 5f, 6f }, [2, 3]);
        var v = torch.tensor(new[] { 1f, 0f, -1f });
        Expect.Values([2], [-2f, -2f], a.matmul(v));
    }

    [Fact]
    public void linear_computes_x_times_weight_transposed_plus_bias()
    {
        using var scope = torch.NewDisposeScope();
        var x = torch.tensor(new[] { 1f, 2f, 3f, -1f, 0f, 1f }, [2, 3]);
        var weight = torch.tensor(new[] { 1f, 0f, 2f, 0f, -1f, 1f }, [2, 3]);
        var bias = torch.tensor(new[] { 0.5f, -1f });
        // row 0: [1+0+6, 0-2+3] = [7, 1]; row 1: [-1+0+2, 0-0+1] = [1, 1]
        Expect.Values([2, 2], [7f, 1f, 1f, 1f], torch.nn.functional.linear(x, weight));
        Expect.Values([2, 2], [7.5f, 0f, 1.5f, 0f], torch.nn.functional.linear(x, weight, bias));
    }
}
