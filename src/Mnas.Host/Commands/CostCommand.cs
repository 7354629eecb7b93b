using System.CommandLine;
using Mnas.Costs;

namespace Mnas.Host.Commands;

/// <summary><c>mnas cost</c>: parameters, multiply-adds, parameter bytes and peak activation memory of a target view.</summary>
internal static class CostCommand
{
    public static Command Create()
    {
        var arch = new ArchitectureOptions();
        var command = new Command("cost", "Count an architecture's parameters, multiply-adds and peak activation memory");
        arch.AddTo(command);
        command.SetAction(result => CommandErrors.Run(() =>
        {
            var target = arch.Target(result);
            Console.WriteLine($"arch={target.Name}");
            Console.WriteLine($"input={target.Input}");
            foreach (var line in CostAnalysis.Analyze(target).ToLines())
            {
                Console.WriteLine(line);
            }
            return 0;
        }));
        return command;
    }
}
