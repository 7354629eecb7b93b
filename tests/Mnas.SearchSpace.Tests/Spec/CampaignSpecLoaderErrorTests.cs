using Mnas.SearchSpace.Spec;
using Mnas.SearchSpace.Tests.Support;
using Mnas.SearchSpace.Validation;

namespace Mnas.SearchSpace.Tests.Spec;

public class CampaignSpecLoaderErrorTests
{
    [Fact]
    public void an_unknown_key_is_an_error_that_lists_the_known_ones()
    {
        var error = Assert.Throws<SpecException>(() => CampaignSpecLoader.FromYaml("proxy: {epochs: 3, epoch: 4}"));

        Assert.Equal(
            ["proxy.epoch: unknown key (known: dataset, epochs, batch_size, train_subset_size, validation_fraction, optimizer, learning_rate, momentum, " +
                "weight_decay, label_smoothing, dropout, stochastic_depth, mixup_alpha, ema_decay, seed, device_class)"],
            Problems.Lines(error.Problems));
    }

    [Fact]
    public void every_unknown_key_is_reported_in_json_too()
    {
        var error = Assert.Throws<SpecException>(() => CampaignSpecLoader.FromJson("""{"serach_space": {}, "proxy": {"lr": 0.1}}"""));

        Assert.Equal(["serach_space", "proxy.lr"], error.Problems.Select(p => p.Path));
        Assert.All(error.Problems, p => Assert.StartsWith("unknown key", p.Message));
    }

    [Theory]
    [InlineData("proxy: {epochs: five}", "proxy.epochs: expected an integer (got 'five')")]
    [InlineData("proxy: {epochs: 2.5}", "proxy.epochs: expected an integer (got 2.5)")]
    [InlineData("proxy: {epochs: '5'}", "proxy.epochs: expected an integer (got '5')")]
    [InlineData("search_space: {kernels: 3}", "search_space.kernels: expected a list (got 3)")]
    [InlineData("search_space: {kernels: [3, x]}", "search_space.kernels[1]: expected an integer (got 'x')")]
    [InlineData("search_space: {ops: [conv, 6]}", "search_space.ops[1]: expected a string (got 6)")]
    [InlineData("search_space: null", "search_space: must not be null")]
    [InlineData("skeleton: {blocks: [{channels: 16, layers: 1}]}", "skeleton.blocks[0].stride: required")]
    [InlineData("target: {input: {channels: 1, height: 28}}", "target.input.width: required")]
    [InlineData("reward: [1, 2]", "reward: expected a mapping (got a list)")]
    public void a_value_of_the_wrong_shape_is_reported_with_its_path(string yaml, string expected)
    {
        var error = Assert.Throws<SpecException>(() => CampaignSpecLoader.FromYaml(yaml));

        Assert.Equal([expected], Problems.Lines(error.Problems));
    }

    [Fact]
    public void a_repeated_json_key_is_an_error()
    {
        var error = Assert.Throws<SpecException>(() => CampaignSpecLoader.FromJson("""{"name": "a", "name": "b"}"""));

        Assert.Equal(["name: duplicate key"], Problems.Lines(error.Problems));
    }

    [Fact]
    public void a_bad_file_throws_one_exception_naming_the_file_and_listing_every_problem()
    {
        using var dir = new TempDirectory();
        var path = dir.File("bad.yaml", """
            name: broken
            search_space:
              ops: [conv, mbconv9]
              kernels: [4]
            proxy:
              epochs: -2
            """);

        var error = Assert.Throws<SpecException>(() => CampaignSpecLoader.Load(path));

        Assert.Equal(path, error.Origin);
        Assert.Equal(
            [
                "search_space.ops[1]: unknown op 'mbconv9' (known: conv, dwconv, mbconv1, mbconv3, mbconv6)",
                "search_space.kernels[0]: must be odd (got 4)",
                "proxy.epochs: must be in 1..50 (got -2)",
            ],
            Problems.Lines(error.Problems));
        Assert.StartsWith($"campaign spec '{path}' is invalid (3 problems):", error.Message);
    }

    [Fact]
    public void broken_json_is_reported_with_its_line()
    {
        var error = Assert.Throws<SpecException>(() => CampaignSpecLoader.FromJson("{\n  \"name\": \"x\",\n  \"proxy\": {\n}", "c.json"));

        var problem = Assert.Single(error.Problems);
        Assert.Equal("", problem.Path);
        Assert.StartsWith("not valid JSON (line 4", problem.Message);
    }

    [Fact]
    public void broken_yaml_is_reported_with_its_line()
    {
        var error = Assert.Throws<SpecException>(() => CampaignSpecLoader.FromYaml("name: x\nproxy: {epochs: 3\n"));

        var problem = Assert.Single(error.Problems);
        Assert.StartsWith("not valid YAML (line 3", problem.Message);
    }

    [Fact]
    public void a_document_that_is_not_a_mapping_is_rejected()
    {
        var error = Assert.Throws<SpecException>(() => CampaignSpecLoader.FromYaml("- 1\n- 2\n"));

        Assert.Equal(["expected a mapping (got a list)"], Problems.Lines(error.Problems));
    }

    [Fact]
    public void yaml_aliases_are_refused_so_a_small_document_cannot_expand_into_a_huge_one()
    {
        var error = Assert.Throws<SpecException>(() => CampaignSpecLoader.FromYaml("name: &n x\nproxy: {dataset: *n}\n"));

        Assert.StartsWith("not accepted YAML (line 2", Assert.Single(error.Problems).Message);
        Assert.EndsWith("aliases (*name) are not accepted", error.Problems[0].Message);
    }

    [Fact]
    public void yaml_nested_deeper_than_json_allows_is_refused_before_it_is_read()
    {
        var error = Assert.Throws<SpecException>(() => CampaignSpecLoader.FromYaml(new string('[', 10_000)));

        Assert.EndsWith("nested deeper than 64 levels", Assert.Single(error.Problems).Message);
    }

    [Fact]
    public void an_empty_yaml_document_is_rejected()
    {
        var error = Assert.Throws<SpecException>(() => CampaignSpecLoader.FromYaml(""));

        Assert.Equal(["the document is empty"], Problems.Lines(error.Problems));
    }

    [Fact]
    public void a_missing_file_is_a_spec_error_naming_the_file()
    {
        using var dir = new TempDirectory();
        var path = dir.File("absent.yaml");

        var error = Assert.Throws<SpecException>(() => CampaignSpecLoader.Load(path));

        Assert.Equal(path, error.Origin);
        Assert.Equal(["no such file"], Problems.Lines(error.Problems));
    }

    [Fact]
    public void a_file_of_unknown_type_is_rejected()
    {
        using var dir = new TempDirectory();
        var path = dir.File("spec.toml", "name = 'x'");

        var error = Assert.Throws<SpecException>(() => CampaignSpecLoader.Load(path));

        Assert.Equal(["unknown file type '.toml' (expected .json, .yaml or .yml)"], Problems.Lines(error.Problems));
    }
}
