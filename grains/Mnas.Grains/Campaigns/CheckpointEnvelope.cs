using System.Buffers.Binary;

namespace Mnas.Grains.Campaigns;

/// <summary>
/// What a campaign stores around its strategy's state: how many children had been submitted, which of them the
/// strategy had not yet received, and the order in which it received the others — so a resumed campaign knows where
/// the proposals continue and which results to hand over again, and a replay can feed a fresh strategy the same results
/// in the same order.
/// </summary>
internal sealed record CheckpointEnvelope(long SubmittedThrough, IReadOnlyList<long> Undelivered, IReadOnlyList<long> Delivered, byte[] StrategyState)
{
    // Envelopes before the delivery order was kept begin with the submitted count, never negative.
    private const long WithDeliveryOrder = -2;

    public byte[] ToBytes()
    {
        var head = 8 + 8 + 4 + 8 * Undelivered.Count + 4 + 8 * Delivered.Count;
        var bytes = new byte[head + StrategyState.Length];
        var at = 0;
        Write(bytes, ref at, WithDeliveryOrder);
        Write(bytes, ref at, SubmittedThrough);
        WriteList(bytes, ref at, Undelivered);
        WriteList(bytes, ref at, Delivered);
        StrategyState.CopyTo(bytes, at);
        return bytes;
    }

    public static CheckpointEnvelope FromBytes(byte[] bytes)
    {
        if (bytes.Length < 12)
        {
            throw new InvalidDataException("controller checkpoint is truncated");
        }
        var at = 0;
        var first = BinaryPrimitives.ReadInt64LittleEndian(bytes);
        if (first != WithDeliveryOrder)
        {
            at = 8;
            var undeliveredOnly = ReadList(bytes, ref at);
            return new CheckpointEnvelope(first, undeliveredOnly, [], bytes[at..]);
        }
        if (bytes.Length < 16)
        {
            throw new InvalidDataException("controller checkpoint is truncated");
        }
        var submitted = BinaryPrimitives.ReadInt64LittleEndian(bytes.AsSpan(8));
        at = 16;
        var undelivered = ReadList(bytes, ref at);
        var delivered = ReadList(bytes, ref at);
        return new CheckpointEnvelope(submitted, undelivered, delivered, bytes[at..]);
    }

    /// <summary>The order in which the strategy whose state <paramref name="checkpoint"/> holds received its children's results.</summary>
    public static IReadOnlyList<long> DeliveryOrderOf(byte[] checkpoint) => FromBytes(checkpoint).Delivered;

    /// <summary>The strategy's own state inside <paramref name="checkpoint"/>.</summary>
    public static byte[] StrategyStateOf(byte[] checkpoint) => FromBytes(checkpoint).StrategyState;

    private static void Write(byte[] bytes, ref int at, long value)
    {
        BinaryPrimitives.WriteInt64LittleEndian(bytes.AsSpan(at), value);
        at += 8;
    }

    private static void WriteList(byte[] bytes, ref int at, IReadOnlyList<long> values)
    {
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(at), values.Count);
        at += 4;
        foreach (var value in values)
        {
            Write(bytes, ref at, value);
        }
    }

    private static long[] ReadList(byte[] bytes, ref int at)
    {
        if (at + 4 > bytes.Length)
        {
            throw new InvalidDataException("controller checkpoint is truncated");
        }
        var count = BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(at));
        at += 4;
        if (count < 0 || at + 8L * count > bytes.Length)
        {
            throw new InvalidDataException("controller checkpoint is corrupt");
        }
        var values = new long[count];
        for (var i = 0; i < count; i++)
        {
            values[i] = BinaryPrimitives.ReadInt64LittleEndian(bytes.AsSpan(at));
            at += 8;
        }
        return values;
    }
}
