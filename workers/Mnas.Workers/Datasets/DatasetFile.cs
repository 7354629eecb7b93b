namespace Mnas.Workers.Datasets;

/// <summary>Reads a whole data set file, turning every I/O failure into a <see cref="DatasetException"/> that names it.</summary>
internal static class DatasetFile
{
    public static byte[] ReadAllBytes(string path)
    {
        try
        {
            return File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            throw DatasetException.InFile(path, "does not exist", e);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw DatasetException.InFile(path, $"cannot be read: {e.Message}", e);
        }
    }
}
