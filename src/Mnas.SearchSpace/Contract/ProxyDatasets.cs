using Mnas.SearchSpace.Architectures;

namespace Mnas.SearchSpace.Contract;

/// <summary>
/// The catalog of proxy data sets a spec may name. The workers' data set catalog (how each is fetched and verified) is
/// built on these entries, so a name accepted here is one every worker can load.
/// </summary>
public static class ProxyDatasets
{
    public static ProxyDataset FashionMnist { get; } = new("fashion-mnist", new InputShape(1, 28, 28), 10);

    public static ProxyDataset Mnist { get; } = new("mnist", new InputShape(1, 28, 28), 10);

    public static IReadOnlyList<ProxyDataset> All { get; } = [FashionMnist, Mnist];

    public static IReadOnlyList<string> Names { get; } = All.Select(d => d.Name).ToArray();

    /// <summary>The data set of exactly that name, or null.</summary>
    public static ProxyDataset? Find(string? name) => All.FirstOrDefault(d => string.Equals(d.Name, name, StringComparison.Ordinal));
}
