using System.CommandLine;
using Mnas.Workers.Datasets;

namespace Mnas.Host.Commands;

/// <summary><c>mnas datasets fetch NAME</c>: download a proxy dataset once into the local cache.</summary>
internal static class DatasetsCommand
{
    public static Command Create()
    {
        var name = new Argument<string>("name") { Description = "fashion-mnist or mnist" };
        var cache = new Option<string?>("--cache") { Description = "cache directory (default: $MNAS_DATA, the repository's .data, or ~/.cache/mnas)" };
        var fetch = new Command("fetch", "Fetch a dataset into the local cache and verify it") { name, cache };
        fetch.SetAction(result => CommandErrors.Run(() =>
        {
            var fetched = DatasetFetcher.Fetch(result.GetValue(name)!, result.GetValue(cache));
            Console.WriteLine($"{result.GetValue(name)}: {fetched.Count} images, {(fetched.AlreadyCached ? "already cached and verified" : "fetched and verified")}");
            return 0;
        }));
        return new Command("datasets", "Proxy-task datasets") { fetch };
    }
}
