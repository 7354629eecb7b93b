using Mnas.Torch.Modules;
using Mnas.Torch.Optim;
using Mnas.Torch.Training.Tests.Support;
using F = Mnas.Torch.torch.nn.functional;

namespace Mnas.Torch.Training.Tests.Training;

/// <summary>Small networks learn separable 2-D problems; points come from System.Random, weights from a seeded libtorch.</summary>
[Collection(GlobalRandomStateCollection.Name)]
public class ToyProblemTests
{
    [Fact]
    public void an_mlp_with_adam_learns_points_inside_versus_outside_a_circle()
    {
        // 256 points in [−1, 1]², class 1 inside radius 0.6, none within 0.05 of the boundary.
        var (points, labels) = Circle(seed: 7, count: 256, radius: 0.6, margin: 0.05);
        torch.manual_seed(1);
        using var net = torch.nn.Sequential(torch.nn.Linear(2, 32), torch.nn.Tanh(), torch.nn.Linear(32, 32), torch.nn.Tanh(),
            torch.nn.Linear(32, 2));
        using var adam = torch.optim.Adam(net.parameters(), lr: 0.02);

        var (initialLoss, finalLoss, accuracy) = Train(net, adam, points, labels, steps: 400);

        Assert.True(initialLoss > 0.5, $"the untrained loss {initialLoss} should be near ln 2");
        Assert.True(finalLoss < 0.1, $"the loss fell only to {finalLoss}");
        Assert.True(accuracy >= 0.95, $"training accuracy {accuracy:P1} is below 95%");
    }

    [Fact]
    public void a_one_hidden_layer_net_with_sgd_momentum_separates_two_gaussian_blobs()
    {
        // Blobs at (−1, −1) and (1, 1) with σ = 0.5: the diagonal boundary is 2.8σ from each centre.
        var random = new Random(11);
        const int count = 200;
        var points = new float[count * 2];
        var labels = new long[count];
        for (var i = 0; i < count; i++)
        {
            labels[i] = i % 2;
            var centre = labels[i] == 0 ? -1.0 : 1.0;
            points[2 * i] = (float)(centre + 0.5 * Gaussian(random));
            points[2 * i + 1] = (float)(centre + 0.5 * Gaussian(random));
        }
        torch.manual_seed(2);
        using var net = torch.nn.Sequential(torch.nn.Linear(2, 8), torch.nn.ReLU(), torch.nn.Linear(8, 2));
        using var sgd = torch.optim.SGD(net.parameters(), lr: 0.1, momentum: 0.9);

        var (initialLoss, finalLoss, accuracy) = Train(net, sgd, points, labels, steps: 150);

        Assert.True(finalLoss < initialLoss / 4, $"the loss fell only from {initialLoss} to {finalLoss}");
        Assert.True(finalLoss < 0.1, $"the loss fell only to {finalLoss}");
        Assert.True(accuracy >= 0.95, $"training accuracy {accuracy:P1} is below 95%");
    }

    private static (double InitialLoss, double FinalLoss, double Accuracy) Train(Sequential net, Optimizer optimizer, float[] points, long[] labels,
        int steps)
    {
        using var scope = torch.NewDisposeScope();
        var x = torch.tensor(points, [labels.Length, 2]);
        var y = torch.tensor(labels);
        double initial = 0, last = 0;
        for (var step = 0; step < steps; step++)
        {
            using var stepScope = torch.NewDisposeScope();
            optimizer.zero_grad();
            var loss = F.cross_entropy(net.forward(x), y);
            loss.backward();
            optimizer.step();
            last = loss.item<float>();
            if (step == 0)
            {
                initial = last;
            }
        }
        using (torch.no_grad())
        {
            var predicted = net.forward(x).argmax(1).data<long>();
            var correct = predicted.Zip(labels).Count(p => p.First == p.Second);
            last = F.cross_entropy(net.forward(x), y).item<float>();
            return (initial, last, (double)correct / labels.Length);
        }
    }

    private static (float[] Points, long[] Labels) Circle(int seed, int count, double radius, double margin)
    {
        var random = new Random(seed);
        var points = new List<float>();
        var labels = new List<long>();
        while (labels.Count < count)
        {
            double a = random.NextDouble() * 2 - 1, b = random.NextDouble() * 2 - 1;
            var r = Math.Sqrt(a * a + b * b);
            if (Math.Abs(r - radius) < margin)
            {
                continue;
            }
            points.Add((float)a);
            points.Add((float)b);
            labels.Add(r < radius ? 1 : 0);
        }
        Assert.InRange(labels.Count(l => l == 1), count / 5, count / 2);
        return (points.ToArray(), labels.ToArray());
    }

    private static double Gaussian(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
