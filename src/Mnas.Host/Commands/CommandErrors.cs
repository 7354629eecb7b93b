using Mnas.SearchSpace.Validation;
using Mnas.Workers.Datasets;

namespace Mnas.Host.Commands;

/// <summary>
/// Turns the errors a user can cause (a bad file, a missing dataset, a bad setting) into a message and exit code 2, and
/// a role that cannot start (its database or cluster unreachable) into a message and exit code 1.
/// </summary>
internal static class CommandErrors
{
    public static async Task<int> RunAsync(Func<Task<int>> action)
    {
        try
        {
            return await action();
        }
        catch (Exception e) when (IsUserError(e))
        {
            Console.Error.WriteLine($"mnas: {e.Message}");
            return 2;
        }
        catch (StartupException e)
        {
            Console.Error.WriteLine($"mnas: {e.Message}");
            return 1;
        }
    }

    /// <summary>Runs <paramref name="start"/>; what it throws that the user did not cause becomes a <see cref="StartupException"/> naming <paramref name="what"/>.</summary>
    public static async Task<T> StartingAsync<T>(string what, Func<Task<T>> start)
    {
        try
        {
            return await start();
        }
        catch (Exception e) when (e is not OperationCanceledException && !IsUserError(e))
        {
            var cause = e.InnerException is { } inner && inner.Message != e.Message ? $"{e.Message}: {inner.Message}" : e.Message;
            throw new StartupException($"{what} could not start ({e.GetType().Name}: {cause.ReplaceLineEndings(" ")})", e);
        }
    }

    private static bool IsUserError(Exception e) =>
        e is SpecException or Configuration.SettingsException or DatasetException or ArgumentException or InvalidDataException or FileNotFoundException;

    public static int Run(Func<int> action)
    {
        try
        {
            return action();
        }
        catch (Exception e) when (IsUserError(e))
        {
            Console.Error.WriteLine($"mnas: {e.Message}");
            return 2;
        }
    }
}
