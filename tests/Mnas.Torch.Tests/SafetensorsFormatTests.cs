using System.Buffers.Binary;
using System.Text;
using System.Text.Json;
using Mnas.Torch.Serialization;

namespace Mnas.Torch.Tests;

public class SafetensorsFormatTests : TempDirectoryTest
{
    [Fact]
    public void saved_file_has_length_prefix_padded_json_header_and_little_endian_data()
    {
        using var scope = torch.NewDisposeScope();
        var path = PathOf("layout.safetensors");
        Safetensors.Save(new Dictionary<string, Tensor>
        {
            ["w"] = torch.tensor(new[] { 1.5f, -2f }),
            ["b"] = torch.tensor(new[] { 1.0 }, []),
        }, path);
        var bytes = File.ReadAllBytes(path);

        var headerLength = (long)BinaryPrimitives.ReadUInt64LittleEndian(bytes);
        Assert.Equal(0, headerLength % 8);
        // data: b (8 bytes of F64) then w (2 F32 = 8 bytes), in name order
        Assert.Equal(8 + headerLength + 16, bytes.Length);

        var headerText = Encoding.UTF8.GetString(bytes, 8, (int)headerLength);
        // JSON, then spaces up to the 8-byte boundary
        Assert.Matches(@"^\{.*\} {0,7}$", headerText);
        using var header = JsonDocument.Parse(headerText);
        var w = header.RootElement.GetProperty("w");
        Assert.Equal("F32", w.GetProperty("dtype").GetString());
        Assert.Equal([2L], w.GetProperty("shape").EnumerateArray().Select(e => e.GetInt64()));
        Assert.Equal([8L, 16L], w.GetProperty("data_offsets").EnumerateArray().Select(e => e.GetInt64()));
        var b = header.RootElement.GetProperty("b");
        Assert.Equal("F64", b.GetProperty("dtype").GetString());
        Assert.Empty(b.GetProperty("shape").EnumerateArray());
        Assert.Equal([0L, 8L], b.GetProperty("data_offsets").EnumerateArray().Select(e => e.GetInt64()));
        Assert.False(header.RootElement.TryGetProperty("__metadata__", out _));

        var data = bytes[(int)(8 + headerLength)..];
        // 1.0 as F64 is 0x3FF0000000000000; 1.5f is 0x3FC00000; -2f is 0xC0000000 (all little-endian)
        Assert.Equal(new byte[] { 0, 0, 0, 0, 0, 0, 0xF0, 0x3F, 0, 0, 0xC0, 0x3F, 0, 0, 0, 0xC0 }, data);
    }

    [Fact]
    public void metadata_is_stored_as_a_string_map_in_the_header()
    {
        using var scope = torch.NewDisposeScope();
        var path = PathOf("meta.safetensors");
        Safetensors.Save(new Dictionary<string, Tensor> { ["x"] = torch.zeros(1) }, path,
            new Dictionary<string, string> { ["format"] = "pt" });
        var bytes = File.ReadAllBytes(path);
        var headerLength = (int)BinaryPrimitives.ReadUInt64LittleEndian(bytes);
        using var header = JsonDocument.Parse(bytes.AsMemory(8, headerLength));
        Assert.Equal("pt", header.RootElement.GetProperty("__metadata__").GetProperty("format").GetString());
    }

    [Fact]
    public void a_file_built_by_hand_loads()
    {
        var data = new byte[40];
        BinaryPrimitives.WriteDoubleLittleEndian(data.AsSpan(0), 0.25);
        BinaryPrimitives.WriteDoubleLittleEndian(data.AsSpan(8), -8);
        BinaryPrimitives.WriteInt64LittleEndian(data.AsSpan(16), 7);
        BinaryPrimitives.WriteSingleLittleEndian(data.AsSpan(24), 1);
        BinaryPrimitives.WriteSingleLittleEndian(data.AsSpan(28), 2);
        BinaryPrimitives.WriteSingleLittleEndian(data.AsSpan(32), 3);
        BinaryPrimitives.WriteSingleLittleEndian(data.AsSpan(36), 4);
        // Header length (here not a multiple of 8) and entry order are up to the writer.
        var path = PathOf("by-hand.safetensors");
        SafetensorsFile.Write(path,
            """
            {"m":{"dtype":"F32","shape":[2,2],"data_offsets":[24,40]},
             "__metadata__":{"source":"hand"},
             "a":{"dtype":"F64","shape":[2],"data_offsets":[0,16]},
             "n":{"dtype":"I64","shape":[],"data_offsets":[16,24]}}
            """, data);

        using var scope = torch.NewDisposeScope();
        var loaded = Safetensors.Load(path, out var metadata);
        Assert.Equal("hand", metadata["source"]);
        Assert.Equal(new[] { 0.25, -8 }, loaded["a"].data<double>());
        Assert.Empty(loaded["n"].shape);
        Assert.Equal(7L, loaded["n"].item<long>());
        Assert.Equal(new long[] { 2, 2 }, loaded["m"].shape);
        Assert.Equal(new[] { 1f, 2f, 3f, 4f }, loaded["m"].data<float>());
    }
}
