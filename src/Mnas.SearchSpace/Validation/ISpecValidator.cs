namespace Mnas.SearchSpace.Validation;

/// <summary>
/// Options-style validation (after <c>IValidateOptions&lt;T&gt;</c>): returns every problem at once, each naming
/// the offending field, so a bad setting fails before a campaign starts rather than in the middle of one.
/// </summary>
public interface ISpecValidator<in T>
{
    /// <summary>Every problem with <paramref name="value"/>; empty when it is valid.</summary>
    IReadOnlyList<SpecProblem> Validate(T value);
}
