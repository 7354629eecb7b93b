using Mnas.Torch;
using Mnas.Torch.Modules;
using Mnas.Torch.Optim;

namespace Mnas.Workers.Training;

/// <summary>One supervised step: forward, cross-entropy, backward, optimiser update; frees everything it made.</summary>
public static class TrainingStep
{
    public static float Run(Module<Tensor, Tensor> model, Optimizer optimizer, Tensor images, Tensor labels, double labelSmoothing = 0)
    {
        using var scope = torch.NewDisposeScope();
        optimizer.zero_grad();
        var loss = torch.nn.functional.cross_entropy(model.forward(images), labels, label_smoothing: labelSmoothing);
        loss.backward();
        optimizer.step();
        return loss.item<float>();
    }
}
