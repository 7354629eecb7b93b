namespace Mnas.SearchSpace.GrowTrim;

/// <summary>
/// One grow or trim: growing applies to every block (<see cref="Block"/> null), trimming to one block (1-based). Written
/// <c>grow layers</c>, <c>grow width</c>, <c>trim b3 layer</c>, <c>trim b3 skip</c>; <see cref="Parse"/> reads it back.
/// </summary>
public sealed record GrowTrimOperation(GrowTrimKind Kind, int? Block = null)
{
    public override string ToString() => Kind switch
    {
        GrowTrimKind.Deepen => "grow layers",
        GrowTrimKind.Widen => "grow width",
        GrowTrimKind.TrimLayer => $"trim b{Block} layer",
        _ => $"trim b{Block} skip",
    };

    /// <summary>Reads <see cref="ToString"/>'s form; throws a <see cref="FormatException"/> naming the text otherwise.</summary>
    public static GrowTrimOperation Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var words = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        switch (words)
        {
            case ["grow", "layers"]:
                return new GrowTrimOperation(GrowTrimKind.Deepen);
            case ["grow", "width"]:
                return new GrowTrimOperation(GrowTrimKind.Widen);
            case ["trim", var block, "layer" or "skip"] when block.StartsWith('b') && int.TryParse(block[1..], out var number) && number >= 1:
                return new GrowTrimOperation(words[2] == "layer" ? GrowTrimKind.TrimLayer : GrowTrimKind.TrimSkip, number);
            default:
                throw new FormatException($"'{text}' is not a grow or trim (grow layers, grow width, trim bN layer, trim bN skip)");
        }
    }
}
