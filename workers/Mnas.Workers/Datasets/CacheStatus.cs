namespace Mnas.Workers.Datasets;

/// <summary>The state of a data set's cache directory.</summary>
public enum CacheStatus
{
    /// <summary>Both files are there and match their pinned SHA-256.</summary>
    Valid,

    /// <summary>The directory or a file is missing.</summary>
    Missing,

    /// <summary>A file is there but its SHA-256 is not the pinned one.</summary>
    Corrupt,
}
