namespace Mnas.Grains.Contracts;

/// <summary>What a worker made of a child assigned to it.</summary>
[GenerateSerializer]
public enum Assignment
{
    /// <summary>Taken: it runs now.</summary>
    Accepted,

    /// <summary>It runs this attempt already (the assignment was delivered twice).</summary>
    AlreadyRunning,

    /// <summary>No free slot, or stopping: handed back.</summary>
    Refused,
}
