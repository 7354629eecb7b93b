using Mnas.Torch.Serialization;

namespace Mnas.Torch.Tests;

public class SafetensorsRoundTripTests : TempDirectoryTest
{
    [Fact]
    public void float_double_and_long_tensors_round_trip_with_shapes_and_values()
    {
        using var scope = torch.NewDisposeScope();
        var path = PathOf("model.safetensors");
        Safetensors.Save(new Dictionary<string, Tensor>
        {
            ["conv.weight"] = torch.tensor(new[] { 1.5f, -2f, 0.25f, 1e-7f, float.MaxValue, -0f }, [2, 3]),
            ["stats"] = torch.tensor(new[] { Math.PI, -1e-300 }, [2, 1]),
            ["steps"] = torch.tensor(new[] { 3L, long.MinValue, 1L << 50 }),
        }, path);

        // The loaded tensors join the current dispose scope.
        var loaded = Safetensors.Load(path);
        Assert.Equal(["conv.weight", "stats", "steps"], loaded.Keys.Order());
        Assert.Equal(ScalarType.Float32, loaded["conv.weight"].dtype);
        Assert.Equal(new long[] { 2, 3 }, loaded["conv.weight"].shape);
        Assert.Equal(new[] { 1.5f, -2f, 0.25f, 1e-7f, float.MaxValue, -0f }, loaded["conv.weight"].data<float>());
        Assert.Equal(ScalarType.Float64, loaded["stats"].dtype);
        Assert.Equal(new long[] { 2, 1 }, loaded["stats"].shape);
        Assert.Equal(new[] { Math.PI, -1e-300 }, loaded["stats"].data<double>());
        Assert.Equal(ScalarType.Int64, loaded["steps"].dtype);
        Assert.Equal(new[] { 3L, long.MinValue, 1L << 50 }, loaded["steps"].data<long>());
    }

    [Fact]
    public void scalar_and_empty_tensors_round_trip()
    {
        using var scope = torch.NewDisposeScope();
        var path = PathOf("edge.safetensors");
        Safetensors.Save(new Dictionary<string, Tensor>
        {
            ["scalar"] = torch.tensor(new[] { 42.5f }, []),
            ["empty"] = torch.tensor(Array.Empty<float>(), [0, 4]),
            ["count"] = torch.tensor(new[] { 7L }, []),
        }, path);

        var loaded = Safetensors.Load(path);
        Assert.Empty(loaded["scalar"].shape);
        Assert.Equal(42.5f, loaded["scalar"].item<float>());
        Assert.Equal(new long[] { 0, 4 }, loaded["empty"].shape);
        Assert.Empty(loaded["empty"].data<float>());
        Assert.Equal(ScalarType.Int64, loaded["count"].dtype);
        Assert.Equal(7L, loaded["count"].item<long>());
    }

    [Fact]
    public void metadata_round_trips()
    {
        using var scope = torch.NewDisposeScope();
        var path = PathOf("meta.safetensors");
        var metadata = new Dictionary<string, string> { ["epoch"] = "12", ["arch"] = "mnas-a1 \"quoted\" ünïcode" };
        Safetensors.Save(new Dictionary<string, Tensor> { ["x"] = torch.ones(1) }, path, metadata);

        using (torch.NewDisposeScope())
        {
            var loaded = Safetensors.Load(path, out var read);
            Assert.Equal(metadata.OrderBy(kv => kv.Key), read.OrderBy(kv => kv.Key));
            Assert.Equal(["x"], loaded.Keys);
        }
    }

    [Fact]
    public void a_file_without_metadata_loads_with_empty_metadata()
    {
        using var scope = torch.NewDisposeScope();
        var path = PathOf("plain.safetensors");
        Safetensors.Save(new Dictionary<string, Tensor> { ["x"] = torch.ones(1) }, path);
        Safetensors.Load(path, out var metadata);
        Assert.Empty(metadata);
    }

    [Fact]
    public void non_contiguous_tensors_are_saved_in_logical_order()
    {
        using var scope = torch.NewDisposeScope();
        var path = PathOf("transposed.safetensors");
        // [[0, 1, 2], [3, 4, 5]] transposed is [[0, 3], [1, 4], [2, 5]]
        Safetensors.Save(new Dictionary<string, Tensor> { ["t"] = torch.arange(6, ScalarType.Float32).reshape(2, 3).t() }, path);
        var t = Safetensors.Load(path)["t"];
        Assert.Equal(new long[] { 3, 2 }, t.shape);
        Assert.Equal(new[] { 0f, 3f, 1f, 4f, 2f, 5f }, t.data<float>());
    }

    [Fact]
    public void saving_over_an_existing_file_replaces_it()
    {
        using var scope = torch.NewDisposeScope();
        var path = PathOf("twice.safetensors");
        Safetensors.Save(new Dictionary<string, Tensor> { ["old"] = torch.ones(5) }, path);
        Safetensors.Save(new Dictionary<string, Tensor> { ["new"] = torch.full([1], 2) }, path);
        var loaded = Safetensors.Load(path);
        Assert.Equal(["new"], loaded.Keys);
        Assert.Equal(2f, loaded["new"].item<float>());
        Assert.Equal([path], System.IO.Directory.GetFiles(Directory));
    }
}
