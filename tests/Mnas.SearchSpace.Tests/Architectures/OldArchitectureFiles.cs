namespace Mnas.SearchSpace.Tests.Architectures;

/// <summary>Architecture files as earlier versions of mnas wrote them, which this one must still read.</summary>
internal static class OldArchitectureFiles
{
    /// <summary>
    /// An architecture.json as <c>mnas export</c> wrote it before layouts were versioned: no <c>format_version</c>,
    /// and <c>+</c> escaped by the serializer's default encoder.
    /// </summary>
    public const string WrittenBeforeVersions = """
        {
          "name": "b1.op=mbconv6 b1.kernel=3 b1.se=0.25 b1.skip=identity b1.width=1.0 b1.layers=\u002B1",
          "input": {
            "channels": 3,
            "height": 32,
            "width": 32
          },
          "classes": 10,
          "stem_channels": 16,
          "stem_stride": 1,
          "blocks": [
            {
              "op": "mbconv",
              "expansion": 6,
              "kernel": 3,
              "se_ratio": 0.25,
              "skip": "identity",
              "channels": 16,
              "layers": 2,
              "stride": 1
            }
          ],
          "head_channels": 64,
          "activation": "relu",
          "dropout": 0.2
        }
        """;
}
