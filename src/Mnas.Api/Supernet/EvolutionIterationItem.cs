namespace Mnas.Api.Supernet;

/// <summary>One generation of the evolution: its number (from 1), the best and mean indicator score of its members that meet the campaign's constraints, and how many did.</summary>
public sealed record EvolutionIterationItem(int Iteration, double BestScore, double MeanScore, int Feasible);
