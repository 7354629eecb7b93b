using System.Text;
using Mnas.Workers.Datasets;

namespace Mnas.Datasets.Tests;

public class ClothesJsonSourceTests
{
    private static (int Images, int Empty, byte[] Pixels) Parse(string json)
    {
        using var pixels = new MemoryStream();
        var (images, empty) = ClothesJsonSource.ParseClass(Encoding.UTF8.GetBytes(json), "pkg:3.json", 4, pixels);
        return (images, empty, pixels.ToArray());
    }

    [Fact]
    public void records_become_image_bytes_and_empty_records_are_counted_and_dropped()
    {
        var (images, empty, pixels) = Parse("""{"name": "x", "data": [[0, 1, 2, 255], [], [9, 8, 7, 6]], "extra": 1}""");
        Assert.Equal((2, 1), (images, empty));
        Assert.Equal([0, 1, 2, 255, 9, 8, 7, 6], pixels);
    }

    [Theory]
    [InlineData("""{"data": [[1, 2, 3]]}""", "pkg:3.json: record 0 holds 3 values, not 4")]
    [InlineData("""{"data": [[1, 2, 3, 4], [1, 2, 3, 4, 5]]}""", "pkg:3.json: record 1 holds more than 4 values")]
    [InlineData("""{"data": [[1, 2, 256, 4]]}""", "pkg:3.json: record 0 holds a value that is not an integer from 0 to 255 at position 2")]
    [InlineData("""{"data": [[1, 2, 0.5, 4]]}""", "pkg:3.json: record 0 holds a value that is not an integer from 0 to 255 at position 2")]
    [InlineData("""{"data": [7]}""", "pkg:3.json: record 0 is a Number, not an array of pixel values")]
    [InlineData("""{"pixels": []}""", "pkg:3.json: has no \"data\" array")]
    [InlineData("""[1, 2]""", "pkg:3.json: expected the file to be a JSON object")]
    public void a_malformed_class_file_throws_naming_it_and_the_record(string json, string message)
    {
        Assert.Equal(message, Assert.Throws<DatasetException>(() => Parse(json)).Message);
    }

    [Fact]
    public void truncated_json_throws_naming_the_file()
    {
        var error = Assert.Throws<DatasetException>(() => Parse("""{"data": [[1, 2, 3, 4], [5, 6"""));
        Assert.StartsWith("pkg:3.json: is not valid JSON", error.Message);
    }
}
