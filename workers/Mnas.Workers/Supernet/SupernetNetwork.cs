using Mnas.Torch;
using Mnas.Torch.Modules;
using Mnas.Workers.Networks.Child;

namespace Mnas.Workers.Supernet;

/// <summary>
/// The supernet of a <see cref="SupernetSpace"/>: the frame's stem, a <see cref="MixedLayer"/> per searchable position
/// whose candidates are the very layers a sampled child builds (<see cref="ChildLayer"/> from the same configuration),
/// then the head, pool, dropout and classifier. With a channel search, each position's output is masked to the sampled
/// width (<see cref="ChannelMasking"/>). Its parameters are the weights w; the architecture logits θ live apart.
/// </summary>
/// <remarks>
/// With FBNetV2's resolution search over factors r (1 among them), the stem runs once per factor whose sample weight is
/// not 0, on the input interspersed at r with its convolution dilated by r and the same weights
/// (<see cref="SupernetStem"/>), and the layers go on from Σ_r g_r · stem_r. What is exact: each stem_r is the child's
/// stem at that resolution, its batch norm and activation included (computed on the kept pixels only), spread to the full
/// size with zeros between; with a one-hot g at r the layers receive exactly the child's stem output, interspersed. What
/// is FBNetV2's approximation: the layers after the stem are not dilated and run on the full-size mixed map, so a layer at
/// r ≠ 1 sees the zeros between the kept pixels where the child would see the neighbouring kept pixels, strides do not
/// follow the kept grid, and the head's average pool counts the zeros; their batch norms take statistics over those zeros
/// too (biased towards 0 at r ≠ 1). We accept that bias as FBNetV2 does: the supernet only ranks architectures, and a
/// sampled child is trained from scratch at its own resolution. The memory of a step grows by one stem's activations per
/// searched factor; every other layer runs once, at the full size.
/// </remarks>
public sealed class SupernetNetwork : Module
{
    private readonly SupernetStem stem;
    private readonly MixedLayer[] layers;
    private readonly ConvBn head;
    private readonly Dropout dropout;
    private readonly Linear classifier;
    private readonly ChannelMasking[]? masks;
    private readonly int[]? resolutions;

    /// <param name="widths">With a channel search, each position's candidate widths in channels (the widest is the space's).</param>
    /// <param name="resolutions">With a resolution search, the input sub-sampling factors (1 among them).</param>
    public SupernetNetwork(SupernetSpace space, IReadOnlyList<IReadOnlyList<int>>? widths = null, IReadOnlyList<int>? resolutions = null)
    {
        Space = space;
        this.resolutions = resolutions is null ? null : SupernetResolution.Check(resolutions, nameof(resolutions)).ToArray();
        var frame = space.Frame;
        stem = register_module("stem", new SupernetStem(frame.Input.Channels, frame.StemChannels, frame.StemStride, frame.Activation));
        layers = space.Positions.Select(p => register_module($"layer{p.Index}", new MixedLayer(
            space.Candidates.Select((_, c) => space.Config(p.Index, c) is { } config ? new ChildLayer(config) : (Module<Tensor, Tensor>?)null).ToList(),
            space.Candidates.Select((_, c) => space.Offers(p.Index, c)).ToList()))).ToArray();
        var channels = space.Positions.Count > 0 ? space.Positions[^1].OutChannels : frame.StemChannels;
        head = register_module("head", new ConvBn(channels, frame.HeadChannels, 1, 1, 1, frame.Activation));
        dropout = register_module("dropout", new Dropout(frame.Dropout));
        classifier = register_module("classifier", new Linear(frame.HeadChannels, frame.Classes));
        masks = widths?.Select((w, p) => register_module($"width{p}", new ChannelMasking(space.Positions[p].OutChannels, w))).ToArray();
        MobileNetInitialisation.Apply(this);
    }

    public SupernetSpace Space { get; }

    /// <summary>The input sub-sampling factors, with a resolution search.</summary>
    public IReadOnlyList<int>? Resolutions => resolutions;

    /// <param name="weights">[positions, candidates]: one Gumbel-softmax sample.</param>
    /// <param name="widthWeights">[positions, widths]: one sample of the widths, with a channel search.</param>
    /// <param name="resolutionWeights">[resolutions]: one sample of the input resolutions, with a resolution search.</param>
    public Tensor forward(Tensor input, Tensor weights, Tensor? widthWeights = null, Tensor? resolutionWeights = null)
    {
        if ((masks is null) != (widthWeights is null))
        {
            throw new ArgumentException(masks is null ? "widthWeights: this supernet searches no widths" : "widthWeights: this supernet searches widths: give their weights",
                nameof(widthWeights));
        }
        if ((resolutions is null) != (resolutionWeights is null))
        {
            throw new ArgumentException(resolutions is null
                ? "resolutionWeights: this supernet searches no resolutions"
                : "resolutionWeights: this supernet searches resolutions: give their weights", nameof(resolutionWeights));
        }
        if (resolutionWeights is not null && (resolutionWeights.shape.Length != 1 || resolutionWeights.shape[0] != resolutions!.Length))
        {
            throw new ArgumentException($"resolutionWeights: one weight per resolution ({resolutions!.Length})", nameof(resolutionWeights));
        }
        using var scope = torch.NewDisposeScope();
        var features = resolutions is null
            ? stem.forward(input)
            : ResolutionMasking.Mix(input, resolutions, resolutionWeights!, (interspersed, factor) => stem.forward(interspersed, factor));
        // Which candidates have weight 0 is read on the host once for every layer, not once per layer.
        var values = weights.detach().to("cpu").to(ScalarType.Float32).data<float>();
        var count = (int)weights.shape[1];
        for (var p = 0; p < layers.Length; p++)
        {
            features = layers[p].forward(features, weights.select(0, p), values.AsSpan(p * count, count));
            if (masks is not null)
            {
                features = masks[p].Apply(features, widthWeights!.select(0, p));
            }
        }
        var pooled = torch.nn.functional.adaptive_avg_pool2d(head.forward(features), 1).flatten(1);
        return classifier.forward(dropout.forward(pooled)).MoveToOuterDisposeScope();
    }
}
