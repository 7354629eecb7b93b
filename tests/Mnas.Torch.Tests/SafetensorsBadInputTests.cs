using Mnas.Torch.Serialization;

namespace Mnas.Torch.Tests;

public class SafetensorsBadInputTests : TempDirectoryTest
{
    private const string OneFloat = """{"x":{"dtype":"F32","shape":[1],"data_offsets":[0,4]}}""";

    private InvalidDataException LoadFails(string name, byte[] bytes, string reason)
    {
        var path = PathOf(name);
        File.WriteAllBytes(path, bytes);
        using var scope = torch.NewDisposeScope();
        var error = Assert.Throws<InvalidDataException>(() => Safetensors.Load(path));
        Assert.Contains(path, error.Message);
        Assert.Contains(reason, error.Message);
        return error;
    }

    [Fact]
    public void a_missing_file_throws_file_not_found_naming_the_path()
    {
        var path = PathOf("absent.safetensors");
        var error = Assert.Throws<FileNotFoundException>(() => Safetensors.Load(path));
        Assert.Equal(path, error.FileName);
        Assert.Contains(path, error.Message);
    }

    [Fact]
    public void a_file_shorter_than_the_length_prefix_is_invalid()
    {
        LoadFails("short.safetensors", [1, 0, 0, 0, 0], "5 bytes");
        LoadFails("empty.safetensors", [], "0 bytes");
    }

    [Fact]
    public void a_header_length_beyond_the_file_is_invalid()
    {
        var bytes = SafetensorsFile.Bytes(OneFloat, new byte[4]);
        bytes[0] = 0xFF;
        bytes[1] = 0x01; // 511 bytes claimed
        LoadFails("long-header.safetensors", bytes, "the header claims 511 bytes");
        var huge = SafetensorsFile.Bytes(OneFloat, new byte[4]);
        Array.Fill(huge, (byte)0xFF, 0, 8); // 2^64 - 1
        LoadFails("huge-header.safetensors", huge, "the header claims");
    }

    [Fact]
    public void a_header_that_is_not_json_is_invalid()
    {
        LoadFails("not-json.safetensors", SafetensorsFile.Bytes("""{"x": {"dtype": """, new byte[4]), "not valid JSON");
        LoadFails("array.safetensors", SafetensorsFile.Bytes("[1, 2]", []), "not a JSON object");
        LoadFails("null.safetensors", SafetensorsFile.Bytes("null", []), "empty");
    }

    [Fact]
    public void an_unknown_dtype_is_invalid()
    {
        LoadFails("f16.safetensors", SafetensorsFile.Bytes("""{"x":{"dtype":"F16","shape":[2],"data_offsets":[0,4]}}""", new byte[4]),
            "dtype F16");
    }

    [Fact]
    public void data_offsets_outside_the_data_are_invalid()
    {
        LoadFails("past-end.safetensors",
            SafetensorsFile.Bytes("""{"x":{"dtype":"F32","shape":[2],"data_offsets":[0,8]}}""", new byte[4]), "data_offsets");
        LoadFails("backwards.safetensors",
            SafetensorsFile.Bytes("""{"x":{"dtype":"F32","shape":[0],"data_offsets":[4,0]}}""", new byte[4]), "data_offsets");
        LoadFails("negative.safetensors",
            SafetensorsFile.Bytes("""{"x":{"dtype":"F32","shape":[1],"data_offsets":[-4,0]}}""", new byte[4]), "data_offsets");
        LoadFails("one-offset.safetensors",
            SafetensorsFile.Bytes("""{"x":{"dtype":"F32","shape":[1],"data_offsets":[4]}}""", new byte[4]), "data_offsets");
    }

    [Fact]
    public void a_byte_count_that_does_not_match_the_shape_is_invalid()
    {
        LoadFails("mismatch.safetensors",
            SafetensorsFile.Bytes("""{"x":{"dtype":"F32","shape":[3],"data_offsets":[0,8]}}""", new byte[8]),
            "of shape [3] needs 12 bytes but has 8");
    }

    [Fact]
    public void malformed_entries_are_invalid()
    {
        LoadFails("no-dtype.safetensors", SafetensorsFile.Bytes("""{"x":{"shape":[1],"data_offsets":[0,4]}}""", new byte[4]), "no dtype");
        LoadFails("no-shape.safetensors", SafetensorsFile.Bytes("""{"x":{"dtype":"F32","data_offsets":[0,4]}}""", new byte[4]), "no shape");
        LoadFails("negative-dim.safetensors",
            SafetensorsFile.Bytes("""{"x":{"dtype":"F32","shape":[-1],"data_offsets":[0,4]}}""", new byte[4]), "negative dimension");
        LoadFails("entry-array.safetensors", SafetensorsFile.Bytes("""{"x":[1]}""", []), "malformed");
        LoadFails("entry-null.safetensors", SafetensorsFile.Bytes("""{"x":null}""", []), "malformed");
        LoadFails("fractional-dim.safetensors",
            SafetensorsFile.Bytes("""{"x":{"dtype":"F32","shape":[1.5],"data_offsets":[0,4]}}""", new byte[4]), "malformed");
    }

    [Fact]
    public void a_shape_whose_element_count_overflows_is_invalid()
    {
        // 2^62 * 4 elements wrap to 0 in 64-bit arithmetic, which would match the empty data range.
        LoadFails("overflow.safetensors",
            SafetensorsFile.Bytes("""{"x":{"dtype":"F32","shape":[4611686018427387904,4],"data_offsets":[0,0]}}""", []),
            "tensor 'x' has a malformed header entry");
    }

    [Fact]
    public void a_tensor_named_twice_is_invalid()
    {
        LoadFails("twice.safetensors", SafetensorsFile.Bytes(OneFloat[..^1] + "," + OneFloat[1..], new byte[4]), "Duplicate property 'x'");
    }

    [Fact]
    public void metadata_that_is_not_a_string_map_is_invalid()
    {
        LoadFails("meta-number.safetensors", SafetensorsFile.Bytes("""{"__metadata__":{"epoch":3}}""", []),
            "__metadata__ must map names to strings");
        LoadFails("meta-array.safetensors", SafetensorsFile.Bytes("""{"__metadata__":["a"]}""", []), "__metadata__");
    }
}
