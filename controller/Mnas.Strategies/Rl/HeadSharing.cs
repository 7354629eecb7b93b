namespace Mnas.Strategies.Rl;

/// <summary>Which decisions share a softmax head and an input embedding.</summary>
public enum HeadSharing
{
    /// <summary>One head and one embedding per decision kind (op, kernel, …), shared by every block.</summary>
    PerKind,

    /// <summary>One head and one embedding per decision (<c>b3.kernel</c> has its own), as in the original NAS controller.</summary>
    PerDecision,
}
