using Mnas.Costs;
using Mnas.Workers.Latency;
using Mnas.Workers.Training;

namespace Mnas.Workers.Evaluation;

/// <summary>Everything evaluating one child produced: how training went, its latency and its static costs.</summary>
public sealed record ChildEvaluation(TrainingReport Training, LatencyMeasurement? Latency, CostReport Costs, string? WeightsPath);
