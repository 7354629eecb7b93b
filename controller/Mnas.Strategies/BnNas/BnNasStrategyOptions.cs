namespace Mnas.Strategies.BnNas;

/// <summary>BN-NAS's settings: the evolution over the BN indicator (with its seed) and the constraints its subnets must meet.</summary>
public sealed record BnNasStrategyOptions
{
    public EvolutionOptions Evolution { get; init; } = new();

    public SubnetConstraints Constraints { get; init; } = SubnetConstraints.None;

    public IEnumerable<string> Validate()
    {
        if (Evolution is null || Constraints is null)
        {
            return ["evolution and constraints: must be given"];
        }
        return Evolution.Validate().Concat(Constraints.Validate());
    }

    public void ThrowIfInvalid()
    {
        var problems = Validate().ToList();
        if (problems.Count > 0)
        {
            throw new ArgumentException($"bn-nas strategy options: {string.Join("; ", problems)}");
        }
    }
}
