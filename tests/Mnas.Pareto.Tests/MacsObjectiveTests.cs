using Mnas.Campaigns;
using Mnas.Pareto.Front;
using Mnas.Pareto.Objectives;
using Mnas.Pareto.Points;

namespace Mnas.Pareto.Tests;

public class MacsObjectiveTests
{
    [Fact]
    public void macs_come_last_whatever_order_the_objectives_are_added_in()
    {
        var macsFirst = ParetoObjectives.Default.WithMacs().WithMemory().WithParams();
        var macsLast = ParetoObjectives.Default.WithParams().WithMemory().WithMacs();

        Assert.Equal(macsFirst, macsLast);
        Assert.Equal(["accuracy", "latency_ms", "peak_memory_bytes", "params", "macs"], macsLast.All.Select(o => o.Name));
        Assert.Equal(5, macsLast.Count);
        Assert.Equal(2, ParetoObjectives.Default.WithMacs().IndexOf(Objective.Macs));
        Assert.Equal(ObjectiveDirection.Minimize, Objective.Macs.Direction);
    }

    [Fact]
    public void a_child_beaten_on_accuracy_and_latency_is_on_the_front_with_the_fewest_multiply_adds()
    {
        var children = new[]
        {
            Child(1, accuracy: 0.9, latencyMs: 10, macs: 5_000),
            Child(2, accuracy: 0.8, latencyMs: 20, macs: 1_000),
        };
        var withMacs = ParetoObjectives.Default.WithMacs();

        Assert.Equal([1L], ParetoFront.Of(ParetoPoints.FromChildren(children, ParetoObjectives.Default), ParetoObjectives.Default).Select(p => p.Id));
        Assert.Equal([1L, 2], ParetoFront.Of(ParetoPoints.FromChildren(children, withMacs), withMacs).Select(p => p.Id).Order());
        Assert.Equal([0, 10, 2_000], ParetoReference.For(withMacs, 0, 10, macs: 2_000).Values);
    }

    private static Child Child(long sequence, double accuracy, double latencyMs, long macs) =>
        new("c", sequence, $"arch-{sequence}", [], 0, 0, ChildStatus.Done, 1, null, new ChildMetrics(accuracy, latencyMs, 100, macs, 100, 1), 0.5,
            DateTimeOffset.UnixEpoch);
}
