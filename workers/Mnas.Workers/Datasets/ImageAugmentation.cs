namespace Mnas.Workers.Datasets;

/// <summary>Writes one image, normalised through per-channel lookup tables, optionally shifted and mirrored, into a float span.</summary>
internal static class ImageAugmentation
{
    /// <summary>
    /// output(c, y, x) = table[c][source(c, y + shiftY, x' + shiftX)] with x' = W−1−x when mirrored, else x; a source
    /// position outside the image reads as pixel 0 (the zero padding). This is a crop at offset (pad + shiftY,
    /// pad + shiftX) of the zero-padded image, then the flip.
    /// </summary>
    public static void Write(ReadOnlySpan<byte> image, int channels, int height, int width, float[][] tables, Span<float> output,
        int shiftY = 0, int shiftX = 0, bool mirror = false)
    {
        var plane = height * width;
        for (var c = 0; c < channels; c++)
        {
            var table = tables[c];
            var source = image.Slice(c * plane, plane);
            var target = output.Slice(c * plane, plane);
            if (shiftY == 0 && shiftX == 0 && !mirror)
            {
                for (var i = 0; i < plane; i++)
                {
                    target[i] = table[source[i]];
                }
                continue;
            }
            var padding = table[0];
            for (var y = 0; y < height; y++)
            {
                var row = target.Slice(y * width, width);
                var sy = y + shiftY;
                if ((uint)sy >= (uint)height)
                {
                    row.Fill(padding);
                    continue;
                }
                var sourceRow = source.Slice(sy * width, width);
                for (var x = 0; x < width; x++)
                {
                    var sx = (mirror ? width - 1 - x : x) + shiftX;
                    row[x] = (uint)sx < (uint)width ? table[sourceRow[sx]] : padding;
                }
            }
        }
    }
}
