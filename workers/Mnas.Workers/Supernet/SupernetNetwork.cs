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
public sealed class SupernetNetwork : Module
{
    private readonly ConvBn stem;
    private readonly MixedLayer[] layers;
    private readonly ConvBn head;
    private readonly Dropout dropout;
    private readonly Linear classifier;
    private readonly ChannelMasking[]? masks;

    /// <param name="widths">With a channel search, each position's candidate widths in channels (the widest is the space's).</param>
    public SupernetNetwork(SupernetSpace space, IReadOnlyList<IReadOnlyList<int>>? widths = null)
    {
        Space = space;
        var frame = space.Frame;
        stem = register_module("stem", new ConvBn(frame.Input.Channels, frame.StemChannels, 3, frame.StemStride, 1, frame.Activation));
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

    /// <param name="weights">[positions, candidates]: one Gumbel-softmax sample.</param>
    /// <param name="widthWeights">[positions, widths]: one sample of the widths, with a channel search.</param>
    public Tensor forward(Tensor input, Tensor weights, Tensor? widthWeights = null)
    {
        if ((masks is null) != (widthWeights is null))
        {
            throw new ArgumentException(masks is null ? "widthWeights: this supernet searches no widths" : "widthWeights: this supernet searches widths: give their weights",
                nameof(widthWeights));
        }
        using var scope = torch.NewDisposeScope();
        var features = stem.forward(input);
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
