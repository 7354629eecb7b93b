using Mnas.Strategies.Rl;
using Mnas.Strategies.Tests.Support;
using Mnas.Torch;

namespace Mnas.Strategies.Tests.Rl;

public class ControllerSamplingTests
{
    [Fact]
    public void a_samples_log_probability_and_entropy_are_the_sums_of_its_log_softmax_entries_computed_independently()
    {
        using var controller = new RlController(Spaces.Default, new ControllerOptions { Seed = 11 });
        var reference = new ReferenceController(controller.ParameterValues());

        for (var i = 0; i < 3; i++)
        {
            var drawn = controller.Sample();
            var (logProbability, entropy, rows) = reference.Score(Spaces.Default, drawn.Sample);

            // 42 float32 steps against double arithmetic: agreement to ~1e-5 absolute on sums of magnitude ~40.
            Assert.Equal(logProbability, drawn.LogProbability, 4);
            Assert.Equal(entropy, drawn.Entropy, 4);
            Assert.Equal(42, rows.Count);
            // Near-uniform at initialisation: each step's entropy close to log(choices), summed ≈ 7·log(540) = 44.04.
            Assert.InRange(drawn.Entropy, 43.9, 44.05);
        }
    }

    [Fact]
    public void batched_teacher_forced_log_probabilities_equal_those_of_sampling()
    {
        using var controller = new RlController(Spaces.Default, new ControllerOptions { Seed = 5 });
        var drawn = Enumerable.Range(0, 6).Select(_ => controller.Sample()).ToArray();

        using var scope = torch.NewDisposeScope();
        using var evaluation = controller.LogProbabilities(drawn.Select(d => d.Sample).ToArray());

        var logProbabilities = evaluation.LogProbabilities.data<float>();
        var entropies = evaluation.Entropies.data<float>();
        Assert.True(evaluation.LogProbabilities.requires_grad);
        // Within 1e-4, not to 4 decimal places: two float32 sums a few 1e-6 apart may round either side of a digit.
        for (var i = 0; i < drawn.Length; i++)
        {
            Assert.Equal(drawn[i].LogProbability, logProbabilities[i], 1e-4);
            Assert.Equal(drawn[i].Entropy, entropies[i], 1e-4);
        }
    }

    [Fact]
    public void after_an_update_and_after_a_restore_samples_are_drawn_from_the_new_weights()
    {
        using var controller = new RlController(Spaces.Default, new ControllerOptions { Seed = 8, MinibatchSize = 4, LearningRate = 0.05 });
        for (var i = 0; i < 4; i++)
        {
            controller.Observe(Outcomes.Of(controller.Sample(), i + 1, reward: i % 2));
        }

        var before = controller.ParameterValues();
        controller.Update();
        Assert.NotEqual(before.SelectMany(p => p.Data), controller.ParameterValues().SelectMany(p => p.Data));
        using var restored = RlController.Restore(Spaces.Default, controller.Options, controller.SaveState());

        foreach (var source in new[] { controller, restored })
        {
            var drawn = Enumerable.Range(0, 3).Select(_ => source.Sample()).ToArray();
            var reference = new ReferenceController(source.ParameterValues());
            Assert.All(drawn, d => Assert.Equal(1, d.PolicyVersion));
            Assert.All(drawn, d => Assert.Equal(reference.Score(Spaces.Default, d.Sample).LogProbability, d.LogProbability, 4));
            Assert.All(drawn, d => Assert.NotEqual(new ReferenceController(before).Score(Spaces.Default, d.Sample).LogProbability, d.LogProbability, 3));
        }
    }

    [Fact]
    public void every_weight_starts_uniform_in_minus_to_plus_a_tenth()
    {
        using var controller = new RlController(Spaces.Default, new ControllerOptions());
        var values = controller.ParameterValues().SelectMany(p => p.Data).ToArray();

        // Heads per decision, 7 blocks of 5+2+2+3+3+3 choices (126 in all): start 100 + embeddings 126·100
        // + LSTM 2·400·100 + 2·400 + heads 126·100 + 126 = 106,226
        Assert.Equal(106_226, values.Length);
        Assert.All(values, v => Assert.InRange(v, -0.1f, 0.1f));
        Assert.True(values.Min() < -0.0999f && values.Max() > 0.0999f);
        Assert.InRange(values.Average(v => (double)v), -0.001, 0.001);
        // Uniform on [−0.1, 0.1] has variance 0.01/3.
        Assert.InRange(values.Average(v => (double)v * v), 0.0033, 0.00337);
    }

    [Fact]
    public void the_same_seed_draws_the_same_samples_and_another_seed_others()
    {
        using var a = new RlController(Spaces.Default, new ControllerOptions { Seed = 3 });
        using var b = new RlController(Spaces.Default, new ControllerOptions { Seed = 3 });
        using var c = new RlController(Spaces.Default, new ControllerOptions { Seed = 4 });

        var fromA = Enumerable.Range(0, 5).Select(_ => a.Sample()).ToArray();
        var fromB = Enumerable.Range(0, 5).Select(_ => b.Sample()).ToArray();
        var fromC = Enumerable.Range(0, 5).Select(_ => c.Sample()).ToArray();

        Assert.Equal(fromA.Select(s => s.Sample.Canonical), fromB.Select(s => s.Sample.Canonical));
        Assert.Equal(fromA.Select(s => s.LogProbability), fromB.Select(s => s.LogProbability));
        Assert.NotEqual(fromA.Select(s => s.Sample.Canonical), fromC.Select(s => s.Sample.Canonical));
        Assert.All(fromA, s => Assert.Equal(0, s.PolicyVersion));
    }
}
