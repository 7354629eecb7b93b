using System.Buffers.Binary;
using System.Text;
using Mnas.Strategies.Serialization;

namespace Mnas.Strategies.Tests.Serialization;

public class TensorArchiveTests
{
    [Fact]
    public void arrays_and_metadata_round_trip_bit_for_bit()
    {
        float[] awkward = [float.NaN, -0.0f, float.Epsilon, float.MaxValue, 1.0f / 3, float.NegativeInfinity];
        var bytes = TensorArchive.Write(
            [new NamedArray("w", [2, 3], awkward), new NamedArray("b", [1], [0.25f])],
            new Dictionary<string, string> { ["note"] = "{\"x\": 1}" });

        var (arrays, metadata) = TensorArchive.Read(bytes);

        Assert.Equal([2L, 3L], arrays["w"].Shape);
        Assert.Equal(awkward.Select(BitConverter.SingleToInt32Bits), arrays["w"].Data.Select(BitConverter.SingleToInt32Bits));
        Assert.Equal([0.25f], arrays["b"].Data);
        Assert.Equal("{\"x\": 1}", metadata["note"]);
    }

    [Fact]
    public void the_bytes_have_the_safetensors_layout()
    {
        var bytes = TensorArchive.Write([new NamedArray("a", [2], [1f, 2f])], new Dictionary<string, string>());

        var headerLength = (int)BinaryPrimitives.ReadUInt64LittleEndian(bytes);
        var header = Encoding.UTF8.GetString(bytes, 8, headerLength);
        Assert.Equal(0, headerLength % 8);
        Assert.Contains("\"a\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[0,8]}", header);
        Assert.Equal(8 + headerLength + 8, bytes.Length);
        Assert.Equal(2f, BinaryPrimitives.ReadSingleLittleEndian(bytes.AsSpan(8 + headerLength + 4)));
    }

    [Fact]
    public void truncated_or_foreign_bytes_are_refused_with_invalid_data()
    {
        var bytes = TensorArchive.Write([new NamedArray("a", [2], [1f, 2f])], new Dictionary<string, string>());

        Assert.Throws<InvalidDataException>(() => TensorArchive.Read(bytes[..5]));
        Assert.Throws<InvalidDataException>(() => TensorArchive.Read(bytes[..^4]));
        Assert.Throws<InvalidDataException>(() => TensorArchive.Read(Encoding.UTF8.GetBytes("{\"rng\": [1, 2, 3, 4]}")));
    }
}
