namespace Mnas.Workers.Datasets;

/// <summary>
/// A data set file that cannot be used: missing, corrupt, malformed, or a fetch that failed. The message names
/// the file (or the package) and what is wrong with it, and where a command fixes it, the command.
/// </summary>
public sealed class DatasetException : Exception
{
    public DatasetException(string message, string? filePath = null, Exception? innerException = null)
        : base(message, innerException)
    {
        FilePath = filePath;
    }

    /// <summary>The file at fault, when there is one.</summary>
    public string? FilePath { get; }

    internal static DatasetException InFile(string filePath, string problem, Exception? innerException = null) =>
        new($"{filePath}: {problem}", filePath, innerException);
}
