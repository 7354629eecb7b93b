using System.CommandLine;
using Mnas.SearchSpace.Architectures;
using Mnas.SearchSpace.Views;

namespace Mnas.Host.Commands;

/// <summary>The --arch and --input options several commands share.</summary>
internal sealed class ArchitectureOptions
{
    public Option<string> Arch { get; } = new("--arch")
    {
        Description = "a built-in architecture (mobilenet_v2, mnasnet_a1) or an architecture JSON file",
        Required = true,
    };

    public Option<int?> Input { get; } = new("--input") { Description = "square input size of the target view (default: the architecture's)" };

    public void AddTo(Command command)
    {
        command.Options.Add(Arch);
        command.Options.Add(Input);
    }

    /// <summary>The architecture's target view, at the --input size when one is given.</summary>
    public Architecture Target(ParseResult result)
    {
        var target = ArchitectureViews.Target(ArchitectureResolver.Resolve(result.GetValue(Arch)!));
        if (result.GetValue(Input) is not { } size)
        {
            return target;
        }
        if (size < 1)
        {
            throw new ArgumentException($"--input: must be at least 1 (got {size})");
        }
        return target with { Input = target.Input with { Height = size, Width = size } };
    }
}
