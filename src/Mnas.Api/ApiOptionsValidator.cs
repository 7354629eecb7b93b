using Microsoft.Extensions.Options;
using Mnas.Costs.Admission;

namespace Mnas.Api;

/// <summary>
/// Checks <see cref="ApiOptions"/> and names every bad setting by its path, e.g.
/// <c>api.listen: must be an http URL with a host and a port, like http://127.0.0.1:8080 (got 'localhost')</c>.
/// </summary>
public sealed class ApiOptionsValidator : IValidateOptions<ApiOptions>
{
    public const string ListenSetting = "api.listen";
    public const string RateLimitSetting = "api.rate_limit_per_minute";
    public const string MaxBodySetting = "api.max_body_bytes";

    public const int MaxRateLimitPerMinute = 1_000_000;
    public const long MinBodyBytes = 1024;
    public const long MaxBodyBytes = 64L * 1024 * 1024;

    public static ApiOptionsValidator Instance { get; } = new();

    /// <summary>Every problem with <paramref name="options"/>, each as <c>setting: what is wrong</c>; empty when they are valid.</summary>
    public IReadOnlyList<string> Validate(ApiOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = new List<string>();
        if (ListenUrl.FindProblem(options.Listen, ApiOptions.DefaultListen, "the API") is { } listen)
        {
            problems.Add($"{ListenSetting}: {listen} (got '{options.Listen}')");
        }

        if (options.RateLimitPerMinute is < 1 or > MaxRateLimitPerMinute)
        {
            problems.Add($"{RateLimitSetting}: must be in 1..{MaxRateLimitPerMinute} (got {options.RateLimitPerMinute})");
        }

        if (options.MaxBodyBytes is < MinBodyBytes or > MaxBodyBytes)
        {
            problems.Add($"{MaxBodySetting}: must be in {MinBodyBytes}..{MaxBodyBytes} (got {options.MaxBodyBytes})");
        }

        if (options.HeartbeatInterval <= TimeSpan.Zero)
        {
            problems.Add($"worker.announce_seconds: must be positive (got {options.HeartbeatInterval.TotalSeconds} s)");
        }

        problems.AddRange(ChildResourceLimitsValidator.Instance.Validate(options.ChildLimits ?? new ChildResourceLimits()));
        return problems;
    }

    /// <summary>Throws an <see cref="ArgumentException"/> naming every problem, if there are any.</summary>
    public void ThrowIfInvalid(ApiOptions options)
    {
        var problems = Validate(options);
        if (problems.Count > 0)
        {
            throw new ArgumentException($"invalid API options: {string.Join("; ", problems)}", nameof(options));
        }
    }

    ValidateOptionsResult IValidateOptions<ApiOptions>.Validate(string? name, ApiOptions options)
    {
        var problems = Validate(options);
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
