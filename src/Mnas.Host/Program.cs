using System.CommandLine;
using Mnas.Host;
using Mnas.Torch;

var steps = new Option<int>("--steps") { Description = "training steps", DefaultValueFactory = _ => 60 };
var batch = new Option<int>("--batch") { Description = "images per step", DefaultValueFactory = _ => 128 };
var threads = new Option<int>("--threads") { Description = "libtorch threads", DefaultValueFactory = _ => Environment.ProcessorCount };
var seed = new Option<long>("--seed") { Description = "random seed", DefaultValueFactory = _ => 0 };
var device = new Option<string>("--device") { Description = "cpu, cuda or cuda:N", DefaultValueFactory = _ => "cpu" };
var lr = new Option<double>("--lr") { Description = "initial learning rate (cosine schedule)", DefaultValueFactory = _ => 0.05 };

var check = new Command("check", "Check the engine: train the engine benchmark child on random data for a short run") { steps, batch, threads, seed, lr, device };
check.SetAction(result =>
{
    var options = new DemoOptions(result.GetValue(steps), result.GetValue(batch), result.GetValue(threads), result.GetValue(seed),
        result.GetValue(lr), result.GetValue(device)!);
    var errors = options.Validate().ToList();
    if (errors.Count > 0)
    {
        errors.ForEach(Console.Error.WriteLine);
        return 2;
    }
    return DemoRun.Execute(options, Console.Out);
});

var version = new Command("version", "Print the engine's libtorch version and devices");
version.SetAction(_ =>
{
    Console.WriteLine($"libtorch {torch.version()}; cuda {(torch.cuda.is_available() ? $"{torch.cuda.device_count()} device(s)" : "not available")}");
    return 0;
});

var root = new RootCommand("Mnas: hardware-aware neural architecture search")
{
    Mnas.Host.Commands.DemoCommand.Create(), check, version, Mnas.Host.Commands.DatasetsCommand.Create(), Mnas.Host.Commands.CostCommand.Create(),
    Mnas.Host.Commands.LatencyCommand.Create(), Mnas.Host.Commands.TrainCommand.Create(), Mnas.Host.Commands.SearchCommand.Create(),
    Mnas.Host.Commands.ResumeCommand.Create(), Mnas.Host.Commands.ParetoCommand.Create(), Mnas.Host.Commands.ExportCommand.Create(),
    Mnas.Host.Commands.WorkerCommand.Create(), Mnas.Host.Commands.ControllerCommand.Create(), Mnas.Host.Commands.SubmitCommand.Create(),
    Mnas.Host.Commands.ApiCommand.Create(), Mnas.Host.Commands.ServeCommand.Create(), Mnas.Host.Commands.KeysCommand.Create(),
    Mnas.Host.Commands.MigrateCommand.Create(), Mnas.Host.Commands.RequeryCommand.Create(),
};
return await root.Parse(args).InvokeAsync();
