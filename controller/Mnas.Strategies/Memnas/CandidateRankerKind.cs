namespace Mnas.Strategies.Memnas;

/// <summary>Which ranker orders a MemNAS round's candidates.</summary>
public enum CandidateRankerKind
{
    /// <summary>MemNAS's structure-correlation controller: an encoder RNN per candidate, a ranking RNN over the round's candidates.</summary>
    StructureCorrelation,

    /// <summary>The paper's ablation: the same encoder scoring each candidate alone.</summary>
    Absolute,
}
