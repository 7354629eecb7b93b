using Mnas.SearchSpace.Architectures;
using Mnas.SearchSpace.Tests.Support;
using Mnas.SearchSpace.Validation;

namespace Mnas.SearchSpace.Tests.Architectures;

public class ArchitectureResolverTests
{
    [Fact]
    public void a_builtin_name_resolves_to_the_builtin()
    {
        Assert.Same(BuiltinArchitectures.MobileNetV2, ArchitectureResolver.Resolve("mobilenet_v2"));
        Assert.Same(BuiltinArchitectures.MnasNetA1, ArchitectureResolver.Resolve("mnasnet_a1"));
    }

    [Fact]
    public void a_file_path_resolves_to_the_files_architecture()
    {
        using var dir = new TempDirectory();
        var path = dir.File("small.json");
        var small = BuiltinArchitectures.MnasNetA1 with { Name = "small", Classes = 10 };
        ArchitectureFile.Save(small, path);

        Assert.Equal(small, ArchitectureResolver.Resolve(path));
    }

    [Fact]
    public void an_unknown_name_is_an_error_listing_the_builtins()
    {
        var error = Assert.Throws<SpecException>(() => ArchitectureResolver.Resolve("resnet50"));

        Assert.Equal("resnet50", error.Origin);
        Assert.Equal(["neither a built-in architecture (known: mnasnet_a1, mobilenet_v2) nor an existing file"], Problems.Lines(error.Problems));
    }
}
