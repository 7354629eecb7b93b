using Mnas.SearchSpace.Architectures;

namespace Mnas.SearchSpace.Contract;

/// <summary>A data set children can train on, as a spec sees it: its name (<c>proxy.dataset</c>), image shape and classes.</summary>
public sealed record ProxyDataset(string Name, InputShape Input, int Classes);
