namespace Mnas.Strategies.Rl;

/// <summary>Which decisions share a softmax head and an input embedding (<see cref="PerDecision"/> by default).</summary>
public enum HeadSharing
{
    /// <summary>
    /// One head and one embedding per decision kind (op, kernel, …), shared by every block. The default before
    /// <see cref="PerDecision"/>: controller states saved without a layout are of this one.
    /// </summary>
    PerKind,

    /// <summary>One head and one embedding per decision (<c>b3.kernel</c> has its own), as in the original NAS controller; the default.</summary>
    PerDecision,
}
