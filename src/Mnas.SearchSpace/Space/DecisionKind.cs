namespace Mnas.SearchSpace.Space;

/// <summary>The six per-block decisions, in the order the controller emits them.</summary>
public enum DecisionKind
{
    Op,
    Kernel,
    Se,
    Skip,
    Width,
    Layers,
}
