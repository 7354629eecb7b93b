using Mnas.SearchSpace.Validation;

namespace Mnas.SearchSpace.Architectures;

/// <summary>Finds an architecture by built-in name (<see cref="BuiltinArchitectures.ByName"/>) or by JSON file path.</summary>
public static class ArchitectureResolver
{
    /// <summary>
    /// A built-in name (mobilenet_v2, mnasnet_a1) gives that architecture; an existing file is loaded with
    /// <see cref="ArchitectureFile.Load"/>; anything else throws a <see cref="SpecException"/> listing the built-in names.
    /// </summary>
    public static Architecture Resolve(string nameOrPath)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(nameOrPath);
        if (BuiltinArchitectures.ByName.TryGetValue(nameOrPath, out var builtin))
        {
            return builtin;
        }

        if (File.Exists(nameOrPath))
        {
            return ArchitectureFile.Load(nameOrPath);
        }

        var known = string.Join(", ", BuiltinArchitectures.ByName.Keys.Order(StringComparer.Ordinal));
        throw new SpecException("architecture", nameOrPath,
            [new SpecProblem("", $"neither a built-in architecture (known: {known}) nor an existing file")]);
    }
}
