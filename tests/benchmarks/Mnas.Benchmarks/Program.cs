using Mnas.Benchmarks;

var which = args.FirstOrDefault() ?? "engine";
switch (which)
{
    case "engine":
        var rounds = args.Length > 1 && int.TryParse(args[1], out var r) && r > 0 ? r : 3;
        return EngineBenchmark.Run(new EngineSettings(Rounds: rounds));
    default:
        Console.Error.WriteLine($"unknown benchmark '{which}'; known: engine");
        return 2;
}
