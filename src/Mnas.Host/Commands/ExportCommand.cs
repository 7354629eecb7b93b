using System.CommandLine;
using Mnas.Grains;
using Mnas.Host.Export;
using Mnas.SearchSpace.Architectures;
using Mnas.SearchSpace.Spec;

namespace Mnas.Host.Commands;

/// <summary>
/// <c>mnas export CAMPAIGN --child N --out DIR</c>: a found model as architecture JSON, trained weights and metrics, in
/// the versioned layout of docs/export-format.md.
/// </summary>
internal static class ExportCommand
{
    public static Command Create()
    {
        var campaignId = new Argument<string>("campaign") { Description = "the campaign id" };
        var child = new Option<long>("--child") { Description = "the child's sequence number", Required = true };
        var output = new Option<string>("--out") { Description = "the directory to write to", Required = true };
        var data = DataOption.Create();
        var settingsOptions = new SettingsOptions();
        var command = new Command("export", "Export a child: architecture.json (target), weights.safetensors with weights-architecture.json (the proxy view they were trained on), metrics.json")
        {
            campaignId, child, output, data,
        };
        settingsOptions.AddTo(command);
        command.SetAction((result, cancellation) => CommandErrors.RunAsync(async () =>
        {
            var directory = result.GetValue(data)!;
            var id = result.GetValue(campaignId)!;
            var sequence = result.GetValue(child);
            await using var store = await CampaignSession.OpenStoreAsync(settingsOptions.Load(result), directory, cancellation);
            var campaign = await store.GetCampaignAsync(id, cancellation) ?? throw new ArgumentException($"campaign: no campaign '{id}' in the store");
            var found = await store.GetChildAsync(id, sequence, cancellation)
                ?? throw new ArgumentException($"--child: campaign {id} has no child {sequence}");
            var weights = CampaignPaths.Weights(directory, id, sequence);
            if (found.Metrics == null || !File.Exists(weights))
            {
                throw new ArgumentException($"--child: child {sequence} has no trained weights (status {found.Status.ToString().ToLowerInvariant()})");
            }
            var architectures = CampaignArchitectures.For(CampaignSpecLoader.FromJson(campaign.SpecJson), CampaignSettings.StrategyOf(campaign.Strategy));
            var outDirectory = result.GetValue(output)!;
            Directory.CreateDirectory(outDirectory);
            ArchitectureFile.Save(architectures.Target(found.Architecture), Path.Combine(outDirectory, ExportFiles.Architecture));
            File.Copy(weights, Path.Combine(outDirectory, ExportFiles.Weights), overwrite: true);
            // The weights were trained on the proxy view (the proxy task's input and classes), not the target architecture.
            // Loaded and saved again rather than copied, so that a file kept before layouts were versioned is exported
            // in the current one.
            var weightsArchitecture = CampaignPaths.WeightsArchitecture(directory, id, sequence);
            var hasWeightsArchitecture = File.Exists(weightsArchitecture);
            if (hasWeightsArchitecture)
            {
                ArchitectureFile.Save(ArchitectureFile.Load(weightsArchitecture), Path.Combine(outDirectory, ExportFiles.WeightsArchitecture));
            }

            var metrics = new ExportedMetrics(id, sequence, found.Architecture, found.Metrics, found.Reward,
                new ExportedWeights(ExportFiles.Weights, "proxy view of the architecture, on the campaign's proxy task",
                    hasWeightsArchitecture ? ExportFiles.WeightsArchitecture : null));
            await File.WriteAllTextAsync(Path.Combine(outDirectory, ExportFiles.Metrics), ExportJson.Write(metrics), cancellation);
            Console.WriteLine($"exported child {sequence} of {id} to {outDirectory}");
            return 0;
        }));
        return command;
    }
}
