using Mnas.Torch.Serialization;

namespace Mnas.Torch.Training.Tests.Modules;

public class StateDictTests : IDisposable
{
    private readonly string directory = Path.Combine(Path.GetTempPath(), $"mnas-train-tests-{Guid.NewGuid():N}");

    public void Dispose()
    {
        if (Directory.Exists(directory))
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public void save_then_load_into_a_fresh_network_restores_identical_outputs()
    {
        using var scope = torch.NewDisposeScope();
        using var trained = SmallNets.ConvNet();
        SmallNets.TrainBriefly(trained);
        trained.eval();
        var x = torch.randn(5, 3, 8, 8);
        var expected = trained.forward(x).data<float>();
        var path = Path.Combine(directory, "net.safetensors");

        trained.save(path);
        using var fresh = SmallNets.ConvNet();
        fresh.eval();
        Assert.NotEqual(expected, fresh.forward(x).data<float>());
        fresh.load(path);

        Assert.Equal(expected, fresh.forward(x).data<float>());
        Assert.Equal(SmallNets.Snapshot(trained), SmallNets.Snapshot(fresh));
        Assert.Equal(3L, ((Mnas.Torch.Modules.BatchNorm2d)fresh[1]).num_batches_tracked!.item<long>());
    }

    [Fact]
    public void the_safetensors_file_holds_every_state_entry_with_its_dtype_and_shape()
    {
        using var net = SmallNets.ConvNet();
        var path = Path.Combine(directory, "net.safetensors");
        net.save(path);

        var loaded = Safetensors.Load(path);
        try
        {
            Assert.Equal(net.state_dict().Keys.Order(StringComparer.Ordinal), loaded.Keys.Order(StringComparer.Ordinal));
            foreach (var (name, tensor) in net.state_dict())
            {
                Assert.Equal(tensor.dtype, loaded[name].dtype);
                Assert.Equal(tensor.shape, loaded[name].shape);
                Assert.True(tensor.equal(loaded[name]), $"{name} differs after the round trip");
            }
            Assert.Equal(ScalarType.Int64, loaded["1.num_batches_tracked"].dtype);
        }
        finally
        {
            foreach (var t in loaded.Values)
            {
                t.Dispose();
            }
        }
    }

    [Fact]
    public void load_state_dict_with_a_missing_key_throws_naming_it_and_changes_nothing()
    {
        using var scope = torch.NewDisposeScope();
        using var source = SmallNets.ConvNet();
        using var target = SmallNets.ConvNet();
        var before = SmallNets.Snapshot(target);
        var partial = source.state_dict().Where(kv => kv.Key != "4.running_var").ToDictionary();

        var error = Assert.Throws<ArgumentException>(() => target.load_state_dict(partial));

        Assert.Contains("missing [4.running_var]", error.Message);
        Assert.Equal(before, SmallNets.Snapshot(target));
    }

    [Fact]
    public void load_state_dict_with_an_unexpected_key_throws_naming_it()
    {
        using var scope = torch.NewDisposeScope();
        using var net = SmallNets.ConvNet();
        var state = net.state_dict().ToDictionary();
        state["9.weight"] = torch.zeros(2, 2);

        var error = Assert.Throws<ArgumentException>(() => net.load_state_dict(state));

        Assert.Contains("unexpected [9.weight]", error.Message);
    }

    [Fact]
    public void load_state_dict_with_a_wrong_shape_throws_naming_the_key_and_changes_nothing()
    {
        using var scope = torch.NewDisposeScope();
        using var source = SmallNets.ConvNet();
        using var target = SmallNets.ConvNet();
        var before = SmallNets.Snapshot(target);
        var state = source.state_dict().ToDictionary();
        state["8.weight"] = torch.zeros(8, 2);

        var error = Assert.Throws<ArgumentException>(() => target.load_state_dict(state));

        Assert.Contains("'8.weight'", error.Message);
        Assert.Contains("[8, 2]", error.Message);
        Assert.Contains("[2, 8]", error.Message);
        // The shapes are checked before anything is copied: entries that came before 8.weight are untouched too.
        Assert.Equal(before, SmallNets.Snapshot(target));
    }

    [Fact]
    public void non_strict_load_copies_the_entries_present_and_keeps_the_rest()
    {
        using var scope = torch.NewDisposeScope();
        using var source = SmallNets.ConvNet();
        using var target = SmallNets.ConvNet();
        var before = SmallNets.Snapshot(target);
        var partial = source.state_dict().Where(kv => kv.Key.StartsWith("8.", StringComparison.Ordinal)).ToDictionary();

        target.load_state_dict(partial, strict: false);

        var after = SmallNets.Snapshot(target);
        var expected = SmallNets.Snapshot(source);
        Assert.Equal(expected["8.weight"], after["8.weight"]);
        Assert.Equal(expected["8.bias"], after["8.bias"]);
        Assert.Equal(before["0.weight"], after["0.weight"]);
    }

    [Fact]
    public void load_from_a_file_missing_a_key_throws_argument_exception()
    {
        using var scope = torch.NewDisposeScope();
        using var small = torch.nn.Sequential(torch.nn.Conv2d(3, 8, 3, padding: 1, bias: false), torch.nn.BatchNorm2d(8));
        var path = Path.Combine(directory, "part.safetensors");
        small.save(path);
        using var net = SmallNets.ConvNet();

        var error = Assert.Throws<ArgumentException>(() => net.load(path));

        Assert.Contains("3.weight", error.Message);
    }
}
