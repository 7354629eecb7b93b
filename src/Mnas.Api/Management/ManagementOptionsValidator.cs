using Microsoft.Extensions.Options;

namespace Mnas.Api.Management;

/// <summary>Checks <see cref="ManagementOptions"/>: <c>management.listen: must be an http URL with a host and a port, like http://0.0.0.0:9090 (got '9090')</c>.</summary>
public sealed class ManagementOptionsValidator : IValidateOptions<ManagementOptions>
{
    public const string ListenSetting = "management.listen";

    public static ManagementOptionsValidator Instance { get; } = new();

    /// <summary>Every problem, each as <c>setting: what is wrong</c>; empty when off or valid.</summary>
    public IReadOnlyList<string> Validate(ManagementOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!options.Enabled || ListenUrl.FindProblem(options.Listen, ManagementOptions.ExampleListen, "the management listener") is not { } problem)
        {
            return [];
        }

        return [$"{ListenSetting}: {problem} (got '{options.Listen}')"];
    }

    ValidateOptionsResult IValidateOptions<ManagementOptions>.Validate(string? name, ManagementOptions options)
    {
        var problems = Validate(options);
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
