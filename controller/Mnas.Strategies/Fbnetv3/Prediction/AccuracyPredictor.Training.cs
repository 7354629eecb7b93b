using Mnas.SearchSpace.Predictor;
using Mnas.Torch;
using Mnas.Torch.Modules;
using Mnas.Torch.Optim;

namespace Mnas.Strategies.Fbnetv3.Prediction;

public sealed partial class AccuracyPredictor
{
    /// <summary>
    /// Trains a freshly drawn encoder and proxy head to predict each architecture's standardised log multiply-adds and
    /// log parameters (mean squared error, Adam, the learning rate decaying to zero along a cosine) for
    /// <see cref="PredictorOptions.PretrainEpochs"/> and keeps the encoder for every later <see cref="Fit"/>. Returns the
    /// final mean squared error over all the given architectures.
    /// </summary>
    public double Pretrain(IReadOnlyList<float[]> features, IReadOnlyList<ArchitectureCosts> costs)
    {
        CheckFeatures(features, nameof(features));
        ArgumentNullException.ThrowIfNull(costs);
        if (costs.Count != features.Count || features.Count == 0)
        {
            throw new ArgumentException($"costs: one per feature vector ({features.Count}, at least one), got {costs.Count}", nameof(costs));
        }

        if (costs.Any(c => c is null || c.Macs <= 0 || c.Params <= 0))
        {
            throw new ArgumentException("costs: every architecture needs positive multiply-adds and parameters", nameof(costs));
        }

        macs = Standardisation.Of(costs.Select(c => Math.Log(c.Macs)));
        parameterCount = Standardisation.Of(costs.Select(c => Math.Log(c.Params)));
        var targets = costs.SelectMany(c => new[] { (float)macs.Forward(Math.Log(c.Macs)), (float)parameterCount.Forward(Math.Log(c.Params)) })
            .ToArray();

        foreach (var layer in network.EncoderLayers.Append(network.proxy))
        {
            layer.Initialize(rng);
        }

        using var scope = torch.NewDisposeScope();
        network.train();
        var inputs = Stack(features);
        var labels = torch.tensor(targets, [features.Count, 2]);
        var trained = network.EncoderParameters.Select(p => p.Parameter).Concat(network.proxy.parameters()).ToList();
        using (var adam = torch.optim.Adam(trained, options.LearningRate))
        {
            Train(adam, features.Count, options.PretrainEpochs, decay: true, (x, y) =>
            {
                using var prediction = network.proxy.forward(network.Encode(x));
                return torch.nn.functional.mse_loss(prediction, y);
            }, inputs, labels);
        }

        pretrainedEncoder = network.EncoderParameters.Select(p => p.Parameter.data<float>()).ToArray();
        using var noGrad = torch.no_grad();
        using var final = torch.nn.functional.mse_loss(network.proxy.forward(network.Encode(inputs)), labels);
        return final.item<double>();
    }

    /// <summary>
    /// Fits a fresh accuracy head to the trained children's accuracies (Huber loss with δ =
    /// <see cref="PredictorOptions.HuberDelta"/> accuracy units), starting from the pretrained encoder or, never
    /// pretrained, a freshly drawn one: <see cref="PredictorOptions.FrozenEpochs"/> with the encoder frozen, then the rest
    /// of <see cref="PredictorOptions.Epochs"/> training both with the learning rate decaying to zero along a cosine.
    /// </summary>
    public void Fit(IReadOnlyList<float[]> features, IReadOnlyList<double> accuracies)
    {
        CheckFeatures(features, nameof(features));
        ArgumentNullException.ThrowIfNull(accuracies);
        if (accuracies.Count != features.Count || features.Count == 0)
        {
            throw new ArgumentException($"accuracies: one per feature vector ({features.Count}, at least one), got {accuracies.Count}",
                nameof(accuracies));
        }

        if (accuracies.Any(a => !double.IsFinite(a)))
        {
            throw new ArgumentException("accuracies: every accuracy must be a finite number", nameof(accuracies));
        }

        RestoreOrDrawEncoder();
        network.accuracy.Initialize(rng);
        accuracy = Standardisation.Of(accuracies);
        var targets = accuracies.Select(a => (float)accuracy.Forward(a)).ToArray();
        var delta = options.HuberDelta / accuracy.Deviation;

        using var scope = torch.NewDisposeScope();
        network.train();
        var inputs = Stack(features);
        var labels = torch.tensor(targets, [features.Count, 1]);
        if (options.FrozenEpochs > 0)
        {
            Tensor encoded;
            using (torch.no_grad())
            {
                encoded = network.Encode(inputs);
            }

            using var adam = torch.optim.Adam(network.accuracy.parameters(), options.LearningRate);
            Train(adam, features.Count, options.FrozenEpochs, decay: false,
                (x, y) => { using var prediction = network.accuracy.forward(x); return HuberLoss.Mean(prediction, y, delta); }, encoded, labels);
        }

        var rest = options.Epochs - options.FrozenEpochs;
        if (rest > 0)
        {
            var trained = network.EncoderParameters.Select(p => p.Parameter).Concat(network.accuracy.parameters()).ToList();
            using var adam = torch.optim.Adam(trained, options.LearningRate);
            Train(adam, features.Count, rest, decay: true,
                (x, y) => { using var prediction = network.accuracy.forward(network.Encode(x)); return HuberLoss.Mean(prediction, y, delta); },
                inputs, labels);
        }

        Fitted = true;
    }

    private void RestoreOrDrawEncoder()
    {
        if (pretrainedEncoder is null)
        {
            foreach (var layer in network.EncoderLayers)
            {
                layer.Initialize(rng);
            }

            return;
        }

        using var noGrad = torch.no_grad();
        var encoder = network.EncoderParameters;
        for (var i = 0; i < encoder.Count; i++)
        {
            using var source = torch.tensor(pretrainedEncoder[i], encoder[i].Parameter.shape);
            encoder[i].Parameter.copy_(source);
        }
    }

    /// <summary>
    /// Minibatch steps over <paramref name="epochs"/> shuffled passes of the rows; with <paramref name="decay"/> the
    /// learning rate falls from <see cref="PredictorOptions.LearningRate"/> to zero along a cosine, step by step.
    /// </summary>
    private void Train(Optimizer optimizer, int rows, int epochs, bool decay, Func<Tensor, Tensor, Tensor> loss, Tensor inputs, Tensor labels)
    {
        var batches = (rows + options.BatchSize - 1) / options.BatchSize;
        var steps = (long)epochs * batches;
        var step = 0L;
        var order = Enumerable.Range(0, rows).Select(i => (long)i).ToArray();
        for (var epoch = 0; epoch < epochs; epoch++)
        {
            Shuffle(order);
            for (var start = 0; start < rows; start += options.BatchSize)
            {
                using var scope = torch.NewDisposeScope();
                if (decay)
                {
                    optimizer.LearningRate = options.LearningRate * 0.5 * (1 + Math.Cos(Math.PI * step / steps));
                }

                var count = Math.Min(options.BatchSize, rows - start);
                var index = torch.tensor(order.AsSpan(start, count).ToArray());
                var value = loss(inputs.index_select(0, index), labels.index_select(0, index));
                optimizer.zero_grad();
                value.backward();
                optimizer.step();
                step++;
            }
        }
    }

    private void Shuffle(long[] order)
    {
        for (var i = order.Length - 1; i > 0; i--)
        {
            var j = rng.NextInt(i + 1);
            (order[i], order[j]) = (order[j], order[i]);
        }
    }
}
