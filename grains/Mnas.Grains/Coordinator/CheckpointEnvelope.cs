using System.Buffers.Binary;

namespace Mnas.Grains.Coordinator;

/// <summary>
/// What the coordinator stores around a strategy's state: how many children had been submitted
/// and which of them the strategy had not yet received, so a resumed campaign knows where the
/// strategy's proposals continue and which results to hand it again.
/// </summary>
internal sealed record CheckpointEnvelope(long SubmittedThrough, IReadOnlyList<long> Undelivered, byte[] StrategyState)
{
    public byte[] ToBytes()
    {
        var bytes = new byte[8 + 4 + 8 * Undelivered.Count + StrategyState.Length];
        BinaryPrimitives.WriteInt64LittleEndian(bytes, SubmittedThrough);
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(8), Undelivered.Count);
        for (var i = 0; i < Undelivered.Count; i++)
        {
            BinaryPrimitives.WriteInt64LittleEndian(bytes.AsSpan(12 + 8 * i), Undelivered[i]);
        }
        StrategyState.CopyTo(bytes, 12 + 8 * Undelivered.Count);
        return bytes;
    }

    public static CheckpointEnvelope FromBytes(byte[] bytes)
    {
        if (bytes.Length < 12)
        {
            throw new InvalidDataException("controller checkpoint is truncated");
        }
        var submitted = BinaryPrimitives.ReadInt64LittleEndian(bytes);
        var count = BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(8));
        if (count < 0 || 12L + 8L * count > bytes.Length)
        {
            throw new InvalidDataException("controller checkpoint is corrupt");
        }
        var undelivered = new long[count];
        for (var i = 0; i < count; i++)
        {
            undelivered[i] = BinaryPrimitives.ReadInt64LittleEndian(bytes.AsSpan(12 + 8 * i));
        }
        return new CheckpointEnvelope(submitted, undelivered, bytes[(12 + 8 * count)..]);
    }
}
