namespace Mnas.Workers.Datasets;

/// <summary>The content of an IDX image file: <see cref="Count"/> grey images of Height×Width bytes, row-major.</summary>
public sealed record IdxImages(byte[] Pixels, int Count, int Height, int Width);
