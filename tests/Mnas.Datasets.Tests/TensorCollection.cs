namespace Mnas.Datasets.Tests;

/// <summary>Tests that make tensors and count live ones run one at a time.</summary>
[CollectionDefinition(Name)]
public sealed class TensorCollection
{
    public const string Name = "tensors";
}
