using System.Buffers.Binary;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Mnas.Strategies.Serialization;

/// <summary>
/// A strategy state as one byte array in the safetensors layout: an 8-byte little-endian header length, a JSON
/// header naming each float32 array (dtype, shape, data offsets) with a string under <c>__metadata__</c>, then the
/// raw little-endian data. Floats are copied bit for bit, so a restored state is exactly the saved one; the bytes
/// are also a valid safetensors file (Python's <c>safetensors.numpy.load</c> reads them).
/// </summary>
public static class TensorArchive
{
    private const string MetadataKey = "__metadata__";
    private const int Alignment = 8;

    public static byte[] Write(IReadOnlyList<NamedArray> arrays, IReadOnlyDictionary<string, string> metadata)
    {
        ArgumentNullException.ThrowIfNull(arrays);
        ArgumentNullException.ThrowIfNull(metadata);
        var header = new JsonObject
        {
            [MetadataKey] = new JsonObject(metadata.Select(kv => KeyValuePair.Create(kv.Key, (JsonNode?)JsonValue.Create(kv.Value)))),
        };
        long offset = 0;
        foreach (var array in arrays)
        {
            if (string.IsNullOrEmpty(array.Name) || array.Name == MetadataKey || header.ContainsKey(array.Name))
            {
                throw new ArgumentException($"'{array.Name}' cannot name an array here (empty, reserved or repeated)", nameof(arrays));
            }

            CheckShape(array.Name, array.Shape, array.Data.LongLength);
            var bytes = array.Data.LongLength * sizeof(float);
            header[array.Name] = new JsonObject
            {
                ["dtype"] = "F32",
                ["shape"] = new JsonArray(array.Shape.Select(d => (JsonNode?)JsonValue.Create(d)).ToArray()),
                ["data_offsets"] = new JsonArray(offset, offset + bytes),
            };
            offset += bytes;
        }

        var json = Encoding.UTF8.GetBytes(header.ToJsonString());
        var padded = (json.Length + Alignment - 1) / Alignment * Alignment;
        var result = new byte[8 + padded + offset];
        BinaryPrimitives.WriteUInt64LittleEndian(result, (ulong)padded);
        json.CopyTo(result, 8);
        result.AsSpan(8 + json.Length, padded - json.Length).Fill((byte)' ');
        var position = 8 + padded;
        foreach (var array in arrays)
        {
            foreach (var value in array.Data)
            {
                BinaryPrimitives.WriteSingleLittleEndian(result.AsSpan(position, sizeof(float)), value);
                position += sizeof(float);
            }
        }

        return result;
    }

    /// <summary>Reads what <see cref="Write"/> wrote; throws <see cref="InvalidDataException"/> naming what is wrong.</summary>
    public static (IReadOnlyDictionary<string, NamedArray> Arrays, IReadOnlyDictionary<string, string> Metadata) Read(byte[] bytes)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        if (bytes.Length < 8)
        {
            throw Invalid($"{bytes.Length} bytes is shorter than the 8-byte header length");
        }

        var headerLength = BinaryPrimitives.ReadUInt64LittleEndian(bytes);
        if (headerLength > (ulong)(bytes.Length - 8))
        {
            throw Invalid($"the header claims {headerLength} bytes but only {bytes.Length - 8} follow");
        }

        JsonObject header;
        try
        {
            header = JsonNode.Parse(bytes.AsSpan(8, (int)headerLength))?.AsObject() ?? throw Invalid("the header is empty");
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException)
        {
            throw Invalid($"the header is not a JSON object ({e.Message})");
        }

        var dataStart = 8 + (int)headerLength;
        var dataLength = bytes.Length - dataStart;
        var arrays = new Dictionary<string, NamedArray>(StringComparer.Ordinal);
        var metadata = new Dictionary<string, string>(StringComparer.Ordinal);
        try
        {
            foreach (var (name, node) in header)
            {
                if (name == MetadataKey)
                {
                    foreach (var (key, value) in node!.AsObject())
                    {
                        metadata[key] = value!.GetValue<string>();
                    }

                    continue;
                }

                var entry = node!.AsObject();
                var dtype = entry["dtype"]!.GetValue<string>();
                if (dtype != "F32")
                {
                    throw Invalid($"array '{name}' has dtype {dtype}; only F32 is stored");
                }

                var shape = entry["shape"]!.AsArray().Select(d => d!.GetValue<long>()).ToArray();
                var offsets = entry["data_offsets"]!.AsArray().Select(d => d!.GetValue<long>()).ToArray();
                if (offsets.Length != 2 || offsets[0] < 0 || offsets[1] < offsets[0] || offsets[1] > dataLength ||
                    (offsets[1] - offsets[0]) % sizeof(float) != 0)
                {
                    throw Invalid($"array '{name}' has data offsets outside the {dataLength} data bytes");
                }

                var count = (offsets[1] - offsets[0]) / sizeof(float);
                CheckShape(name, shape, count);
                var data = new float[count];
                for (var i = 0; i < data.Length; i++)
                {
                    data[i] = BinaryPrimitives.ReadSingleLittleEndian(bytes.AsSpan(dataStart + (int)offsets[0] + i * sizeof(float), sizeof(float)));
                }

                arrays[name] = new NamedArray(name, shape, data);
            }
        }
        catch (Exception e) when (e is InvalidOperationException or NullReferenceException or FormatException or ArgumentException)
        {
            throw Invalid($"a header entry is malformed ({e.Message})");
        }

        return (arrays, metadata);
    }

    private static void CheckShape(string name, long[] shape, long count)
    {
        if (shape.Any(d => d < 0) || shape.Aggregate(1L, (a, b) => a * b) != count)
        {
            throw new InvalidDataException($"array '{name}': shape [{string.Join(", ", shape)}] does not hold {count} elements");
        }
    }

    private static InvalidDataException Invalid(string reason) => new($"not a strategy state: {reason}");
}
