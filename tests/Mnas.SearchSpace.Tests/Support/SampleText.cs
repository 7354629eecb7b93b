namespace Mnas.SearchSpace.Tests.Support;

public static class SampleText
{
    /// <summary>A canonical-form sample of seven blocks, the same choices in each except where <paramref name="op"/> differs.</summary>
    public static string Uniform(Func<int, string> op, string kernel = "3", string se = "0.0", string skip = "identity",
        string width = "1.0", string layers = "0", int blocks = 7) =>
        string.Join(' ', Enumerable.Range(1, blocks).Select(b =>
            $"b{b}.op={op(b)} b{b}.kernel={kernel} b{b}.se={se} b{b}.skip={skip} b{b}.width={width} b{b}.layers={layers}"));
}
