using System.CommandLine;

namespace Mnas.Workers.Tests;

/// <summary>Runs one of the <c>mnas</c> commands in the test's process with its console output discarded; returns its exit code.</summary>
internal static class QuietCommand
{
    public static int Run(Command command, params string[] args)
    {
        var (oldOut, oldError) = (Console.Out, Console.Error);
        Console.SetOut(TextWriter.Null);
        Console.SetError(TextWriter.Null);
        try
        {
            return new RootCommand { command }.Parse(args).Invoke();
        }
        finally
        {
            Console.SetOut(oldOut);
            Console.SetError(oldError);
        }
    }
}
