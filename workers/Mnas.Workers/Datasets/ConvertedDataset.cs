namespace Mnas.Workers.Datasets;

/// <summary>A fetched package turned into cache content: pixels N×H×W and labels, plus how many empty records were dropped.</summary>
internal sealed record ConvertedDataset(byte[] Pixels, byte[] Labels, int SkippedEmptyRecords)
{
    public int Count => Labels.Length;
}
