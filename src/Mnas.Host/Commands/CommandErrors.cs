using Mnas.SearchSpace.Validation;
using Mnas.Workers.Datasets;

namespace Mnas.Host.Commands;

/// <summary>Turns the errors a user can cause (a bad file, a missing dataset, a bad setting) into a message and exit code 2.</summary>
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
