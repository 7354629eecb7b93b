namespace Mnas.Pareto.Objectives;

/// <summary>Whether larger (accuracy) or smaller (latency, memory, parameters) values are better.</summary>
public enum ObjectiveDirection
{
    Maximize,
    Minimize,
}
