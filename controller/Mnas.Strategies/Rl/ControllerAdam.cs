using Mnas.Strategies.Serialization;
using Mnas.Torch;
using Mnas.Torch.Modules;

namespace Mnas.Strategies.Rl;

/// <summary>
/// Adam (PyTorch's update, without weight decay) in managed code over tensors, so its moments and step count can be
/// saved and restored bitwise — the binding's libtorch Adam keeps them out of reach. Per parameter with gradient g,
/// at step t: m ← β₁m + (1−β₁)g; v ← β₂v + (1−β₂)g²; p ← p − (lr/(1−β₁ᵗ))·m/(√v/√(1−β₂ᵗ) + ε).
/// </summary>
public sealed class ControllerAdam : IDisposable
{
    private readonly IReadOnlyList<(string Name, Parameter Parameter)> parameters;
    private readonly Tensor[] firstMoments;
    private readonly Tensor[] secondMoments;

    public ControllerAdam(IEnumerable<(string Name, Parameter Parameter)> parameters, double learningRate, double beta1 = 0.9,
        double beta2 = 0.999, double epsilon = 1e-8)
    {
        this.parameters = parameters.ToList();
        (LearningRate, Beta1, Beta2, Epsilon) = (learningRate, beta1, beta2, epsilon);
        firstMoments = this.parameters.Select(p => torch.zeros_like(p.Parameter).DetachFromDisposeScope()).ToArray();
        secondMoments = this.parameters.Select(p => torch.zeros_like(p.Parameter).DetachFromDisposeScope()).ToArray();
    }

    public double LearningRate { get; set; }

    public double Beta1 { get; }

    public double Beta2 { get; }

    public double Epsilon { get; }

    /// <summary>Steps taken (t, which sets the bias corrections).</summary>
    public long StepCount { get; private set; }

    public void zero_grad()
    {
        foreach (var (_, parameter) in parameters)
        {
            parameter.clear_grad();
        }
    }

    /// <summary>One update of every parameter that has a gradient.</summary>
    public void step()
    {
        StepCount++;
        var correction1 = 1 - Math.Pow(Beta1, StepCount);
        var correction2 = 1 - Math.Pow(Beta2, StepCount);
        using var scope = torch.NewDisposeScope();
        using var noGrad = torch.no_grad();
        for (var i = 0; i < parameters.Count; i++)
        {
            var parameter = parameters[i].Parameter;
            var gradient = parameter.grad;
            if (gradient is null)
            {
                continue;
            }

            firstMoments[i].mul_(Beta1).add_(gradient, 1 - Beta1);
            secondMoments[i].mul_(Beta2).add_(gradient.square(), 1 - Beta2);
            var denominator = secondMoments[i].sqrt().div_(Math.Sqrt(correction2)).add_(Epsilon);
            parameter.add_(firstMoments[i] / denominator, -LearningRate / correction1);
        }
    }

    /// <summary>The moments as arrays named <c>{prefix}m.{parameter}</c> and <c>{prefix}v.{parameter}</c>.</summary>
    public IEnumerable<NamedArray> ExportMoments(string prefix)
    {
        for (var i = 0; i < parameters.Count; i++)
        {
            yield return new NamedArray($"{prefix}m.{parameters[i].Name}", firstMoments[i].shape, firstMoments[i].data<float>());
            yield return new NamedArray($"{prefix}v.{parameters[i].Name}", secondMoments[i].shape, secondMoments[i].data<float>());
        }
    }

    /// <summary>Restores what <see cref="ExportMoments"/> wrote, and the step count.</summary>
    public void ImportMoments(IReadOnlyDictionary<string, NamedArray> arrays, string prefix, long stepCount)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(stepCount);
        using var scope = torch.NewDisposeScope();
        for (var i = 0; i < parameters.Count; i++)
        {
            StateTensors.CopyInto(firstMoments[i], arrays, $"{prefix}m.{parameters[i].Name}");
            StateTensors.CopyInto(secondMoments[i], arrays, $"{prefix}v.{parameters[i].Name}");
        }

        StepCount = stepCount;
    }

    public void Dispose()
    {
        foreach (var tensor in firstMoments.Concat(secondMoments))
        {
            tensor.Dispose();
        }
    }
}
