namespace Mnas.Torch.Tests;

public class ArithmeticTests
{
    private static Tensor A() => torch.tensor(new[] { 1f, 2f, 3f, 4f }, [2, 2]);
    private static Tensor B() => torch.tensor(new[] { 10f, 20f, 30f, 40f }, [2, 2]);

    [Fact]
    public void add_sums_elementwise_and_scales_other_by_alpha()
    {
        using var scope = torch.NewDisposeScope();
        Assert.Equal(new[] { 11f, 22f, 33f, 44f }, A().add(B()).data<float>());
        Assert.Equal(new[] { 6f, 12f, 18f, 24f }, A().add(B(), alpha: 0.5).data<float>());
    }

    [Fact]
    public void sub_subtracts_other_scaled_by_alpha()
    {
        using var scope = torch.NewDisposeScope();
        Assert.Equal(new[] { 9f, 18f, 27f, 36f }, B().sub(A()).data<float>());
        Assert.Equal(new[] { 8f, 16f, 24f, 32f }, B().sub(A(), alpha: 2).data<float>());
    }

    [Fact]
    public void mul_and_div_work_elementwise()
    {
        using var scope = torch.NewDisposeScope();
        Assert.Equal(new[] { 10f, 40f, 90f, 160f }, A().mul(B()).data<float>());
        Assert.Equal(new[] { 10f, 10f, 10f, 10f }, B().div(A()).data<float>());
    }

    [Fact]
    public void scalar_variants_apply_the_scalar_to_every_element()
    {
        using var scope = torch.NewDisposeScope();
        Assert.Equal(new[] { 1.5f, 2.5f, 3.5f, 4.5f }, A().add(0.5).data<float>());
        Assert.Equal(new[] { 0f, 1f, 2f, 3f }, A().sub(1).data<float>());
        Assert.Equal(new[] { -2f, -4f, -6f, -8f }, A().mul(-2).data<float>());
        Assert.Equal(new[] { 0.25f, 0.5f, 0.75f, 1f }, A().div(4).data<float>());
        Assert.Equal(new[] { 1f, 4f, 9f, 16f }, A().pow(2).data<float>());
    }

    [Fact]
    public void operators_match_their_methods()
    {
        using var scope = torch.NewDisposeScope();
        Assert.Equal(new[] { 11f, 22f, 33f, 44f }, (A() + B()).data<float>());
        Assert.Equal(new[] { 9f, 18f, 27f, 36f }, (B() - A()).data<float>());
        Assert.Equal(new[] { 10f, 40f, 90f, 160f }, (A() * B()).data<float>());
        Assert.Equal(new[] { 10f, 10f, 10f, 10f }, (B() / A()).data<float>());
        Assert.Equal(new[] { 3f, 4f, 5f, 6f }, (A() + 2).data<float>());
        Assert.Equal(new[] { 3f, 4f, 5f, 6f }, (2 + A()).data<float>());
        Assert.Equal(new[] { 0f, 1f, 2f, 3f }, (A() - 1).data<float>());
        Assert.Equal(new[] { 9f, 8f, 7f, 6f }, (10 - A()).data<float>());
        Assert.Equal(new[] { 3f, 6f, 9f, 12f }, (A() * 3).data<float>());
        Assert.Equal(new[] { 3f, 6f, 9f, 12f }, (3 * A()).data<float>());
        Assert.Equal(new[] { 0.5f, 1f, 1.5f, 2f }, (A() / 2).data<float>());
    }

    [Fact]
    public void a_row_broadcasts_across_a_matrix()
    {
        using var scope = torch.NewDisposeScope();
        var row = torch.tensor(new[] { 100f, 200f }, [1, 2]);
        Assert.Equal(new[] { 101f, 202f, 103f, 204f }, (A() + row).data<float>());
    }

    [Fact]
    public void integer_tensors_add_whole_scalars_as_integers()
    {
        using var scope = torch.NewDisposeScope();
        var counts = torch.tensor(new[] { 1L, 2L });
        var next = counts.add(1);
        Assert.Equal(ScalarType.Int64, next.dtype);
        Assert.Equal(new[] { 2L, 3L }, next.data<long>());
        counts.add_(5);
        Assert.Equal(new[] { 6L, 7L }, counts.data<long>());
    }

    [Fact]
    public void in_place_variants_change_the_tensor_itself()
    {
        using var scope = torch.NewDisposeScope();
        var x = A();
        x.add_(B(), alpha: 0.1).mul_(2).sub_(torch.ones(2, 2)).div_(4);
        // ((a + b/10) * 2 - 1) / 4 with a + b/10 = 2a
        Expect.Close([0.75f, 1.75f, 2.75f, 3.75f], x.data<float>());
    }

    [Fact]
    public void maximum_and_minimum_pick_elementwise()
    {
        using var scope = torch.NewDisposeScope();
        var a = torch.tensor(new[] { 1f, 5f, -2f });
        var b = torch.tensor(new[] { 3f, 4f, -1f });
        Assert.Equal(new[] { 3f, 5f, -1f }, a.maximum(b).data<float>());
        Assert.Equal(new[] { 1f, 4f, -2f }, a.minimum(b).data<float>());
    }
}
