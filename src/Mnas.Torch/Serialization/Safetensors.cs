using System.Buffers.Binary;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Mnas.Torch.Interop;

namespace Mnas.Torch.Serialization;

/// <summary>
/// Reads and writes named tensors in the safetensors format: an 8-byte little-endian header
/// length, a JSON header of {name: {dtype, shape, data_offsets}}, then the raw row-major data.
/// </summary>
public static class Safetensors
{
    private const int Alignment = 8;
    private const long MaxHeaderBytes = 100L * 1024 * 1024;

    /// <summary>Writes the tensors; the file appears whole or not at all.</summary>
    public static void Save(IReadOnlyDictionary<string, Tensor> tensors, string path, IReadOnlyDictionary<string, string>? metadata = null)
    {
        var bytes = Serialize(tensors, metadata);
        var directory = Path.GetDirectoryName(Path.GetFullPath(path))!;
        Directory.CreateDirectory(directory);
        var temporary = Path.Combine(directory, $".{Path.GetFileName(path)}.{Guid.NewGuid():N}.tmp");
        try
        {
            using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write))
            {
                stream.Write(bytes);
                stream.Flush(flushToDisk: true);
            }
            File.Move(temporary, path, overwrite: true);
        }
        catch
        {
            File.Delete(temporary);
            throw;
        }
    }

    /// <summary>The tensors (and metadata) in the safetensors layout, in memory: for a checkpoint kept in a store.</summary>
    public static byte[] Serialize(IReadOnlyDictionary<string, Tensor> tensors, IReadOnlyDictionary<string, string>? metadata = null)
    {
        ArgumentNullException.ThrowIfNull(tensors);
        var header = new JsonObject();
        if (metadata is { Count: > 0 })
        {
            header["__metadata__"] = new JsonObject(metadata.Select(kv => KeyValuePair.Create(kv.Key, (JsonNode?)JsonValue.Create(kv.Value))));
        }
        var payloads = new List<byte[]>();
        long offset = 0;
        foreach (var (name, tensor) in tensors.OrderBy(kv => kv.Key, StringComparer.Ordinal))
        {
            if (string.IsNullOrEmpty(name) || name == "__metadata__")
            {
                throw new ArgumentException($"'{name}' cannot name a tensor in a safetensors file", nameof(tensors));
            }
            var bytes = Bytes(tensor);
            header[name] = new JsonObject
            {
                ["dtype"] = SafetensorsDType.Name(tensor.dtype),
                ["shape"] = new JsonArray(tensor.shape.Select(d => (JsonNode?)JsonValue.Create(d)).ToArray()),
                ["data_offsets"] = new JsonArray(offset, offset + bytes.LongLength),
            };
            payloads.Add(bytes);
            offset += bytes.LongLength;
        }
        var json = Encoding.UTF8.GetBytes(header.ToJsonString());
        var padded = (json.Length + Alignment - 1) / Alignment * Alignment;
        using var stream = new MemoryStream();
        Span<byte> length = stackalloc byte[8];
        BinaryPrimitives.WriteUInt64LittleEndian(length, (ulong)padded);
        stream.Write(length);
        stream.Write(json);
        for (var i = json.Length; i < padded; i++)
        {
            stream.WriteByte((byte)' ');
        }
        foreach (var payload in payloads)
        {
            stream.Write(payload);
        }
        return stream.ToArray();
    }

    /// <summary>Reads every tensor in the file. Like any new tensor they join the current dispose scope, if there is one.</summary>
    public static Dictionary<string, Tensor> Load(string path) => Load(path, out _);

    public static Dictionary<string, Tensor> Load(string path, out IReadOnlyDictionary<string, string> metadata)
    {
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"{path}: no such safetensors file", path);
        }
        return Deserialize(File.ReadAllBytes(path), path, out metadata);
    }

    /// <summary>Tensors (and metadata) from bytes in the safetensors layout; <paramref name="source"/> names them in errors.</summary>
    public static Dictionary<string, Tensor> Deserialize(byte[] file, string source, out IReadOnlyDictionary<string, string> metadata)
    {
        var path = source;
        if (file.Length < 8)
        {
            throw Invalid(path, $"the file has {file.Length} bytes, fewer than the 8-byte header length");
        }
        var headerLength = BinaryPrimitives.ReadUInt64LittleEndian(file);
        if (headerLength > MaxHeaderBytes || (long)headerLength > file.Length - 8)
        {
            throw Invalid(path, $"the header claims {headerLength} bytes but the file has {file.Length - 8} after the length");
        }
        JsonObject header;
        try
        {
            // Duplicate names would otherwise surface later as an ArgumentException from JsonObject.
            var options = new JsonDocumentOptions { AllowDuplicateProperties = false };
            header = JsonNode.Parse(file.AsSpan(8, (int)headerLength), documentOptions: options)?.AsObject()
                ?? throw Invalid(path, "the header is empty");
        }
        catch (JsonException e)
        {
            throw Invalid(path, $"the header is not valid JSON ({e.Message})");
        }
        catch (InvalidOperationException)
        {
            throw Invalid(path, "the header is not a JSON object");
        }

        var dataStart = 8 + (long)headerLength;
        var dataLength = file.Length - dataStart;
        var result = new Dictionary<string, Tensor>();
        var meta = new Dictionary<string, string>();
        try
        {
            foreach (var (name, node) in header)
            {
                if (name == "__metadata__")
                {
                    ReadMetadata(path, node, meta);
                    continue;
                }
                var entry = ReadEntry(path, name, node, dataLength);
                result[name] = FromBytes(file.AsSpan((int)(dataStart + entry.Begin), (int)(entry.End - entry.Begin)), entry.Type, entry.Shape);
            }
        }
        catch
        {
            foreach (var tensor in result.Values)
            {
                tensor.Dispose();
            }
            throw;
        }
        metadata = meta;
        return result;
    }

    private static void ReadMetadata(string path, JsonNode? node, Dictionary<string, string> meta)
    {
        try
        {
            foreach (var (key, value) in node?.AsObject() ?? [])
            {
                meta[key] = value?.GetValue<string>() ?? "";
            }
        }
        catch (InvalidOperationException e)
        {
            throw Invalid(path, $"__metadata__ must map names to strings ({e.Message})");
        }
    }

    private static (ScalarType Type, long[] Shape, long Begin, long End) ReadEntry(string path, string name, JsonNode? node, long dataLength)
    {
        try
        {
            var entry = node!.AsObject();
            var dtypeName = entry["dtype"]?.GetValue<string>() ?? throw Invalid(path, $"tensor '{name}' has no dtype");
            if (!SafetensorsDType.TryParse(dtypeName, out var type))
            {
                throw Invalid(path, $"tensor '{name}' has dtype {dtypeName}, which the engine does not read");
            }
            var shape = entry["shape"]?.AsArray().Select(d => d!.GetValue<long>()).ToArray() ?? throw Invalid(path, $"tensor '{name}' has no shape");
            var offsets = entry["data_offsets"]?.AsArray().Select(d => d!.GetValue<long>()).ToArray();
            if (offsets is not { Length: 2 } || offsets[0] < 0 || offsets[1] < offsets[0] || offsets[1] > dataLength)
            {
                throw Invalid(path, $"tensor '{name}' has data_offsets outside the {dataLength} data bytes");
            }
            if (shape.Any(d => d < 0))
            {
                throw Invalid(path, $"tensor '{name}' has a negative dimension");
            }
            var expected = checked(shape.Aggregate(1L, (a, b) => checked(a * b)) * SafetensorsDType.Size(type));
            if (expected != offsets[1] - offsets[0])
            {
                throw Invalid(path, $"tensor '{name}' of shape [{string.Join(", ", shape)}] needs {expected} bytes but has {offsets[1] - offsets[0]}");
            }
            return (type, shape, offsets[0], offsets[1]);
        }
        catch (Exception e) when (e is InvalidOperationException or FormatException or NullReferenceException or OverflowException)
        {
            throw Invalid(path, $"tensor '{name}' has a malformed header entry ({e.Message})");
        }
    }

    private static InvalidDataException Invalid(string path, string reason) => new($"{path}: not a valid safetensors file: {reason}");

    private static unsafe byte[] Bytes(Tensor tensor)
    {
        var bytes = new byte[tensor.numel() * SafetensorsDType.Size(tensor.dtype)];
        fixed (byte* p = bytes)
        {
            // The shim reads through a contiguous CPU copy, so weights on a CUDA device (or channels-last) save as they are.
            TorchException.Check(NativeMethods.mnas_copy_to(tensor.Handle, p, bytes.LongLength));
        }
        return bytes;
    }

    private static unsafe Tensor FromBytes(ReadOnlySpan<byte> data, ScalarType type, long[] shape)
    {
        byte empty = 0;
        fixed (byte* p = data)
        fixed (long* s = shape)
        {
            return new(NativeMethods.mnas_from_blob(data.IsEmpty ? &empty : p, (int)type, s, shape.Length, null, 0));
        }
    }
}
