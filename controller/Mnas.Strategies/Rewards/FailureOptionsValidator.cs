using Mnas.SearchSpace.Validation;

namespace Mnas.Strategies.Rewards;

/// <summary>Checks <see cref="FailureOptions"/>; problems name the field (<c>failure.policy</c> under a parent path).</summary>
public sealed class FailureOptionsValidator : ISpecValidator<FailureOptions>
{
    private readonly string prefix;

    public FailureOptionsValidator(string prefix = "")
    {
        this.prefix = prefix;
    }

    public static FailureOptionsValidator Instance { get; } = new();

    public IReadOnlyList<SpecProblem> Validate(FailureOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return Enum.IsDefined(options.Policy)
            ? []
            : [new SpecProblem(prefix + "policy", $"must be one of {string.Join(", ", Enum.GetNames<FailurePolicy>())} (got {(int)options.Policy})")];
    }
}
