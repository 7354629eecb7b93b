using Microsoft.AspNetCore.Builder;
using Microsoft.Playwright;
using Mnas.Api;
using Mnas.Api.Security;
using Mnas.Campaigns;
using Mnas.Grains;
using Mnas.SearchSpace.Spec;
using Mnas.SearchSpace.Supernet;
using Mnas.Store.Sqlite;

namespace Mnas.Dashboard.Tests;

/// <summary>
/// Differentiable campaigns as the store keeps them, behind the real API and its dashboard, and a headless Chromium to
/// look at them: an fbnet campaign whose supernet has trained <see cref="EpochsAtStart"/> epochs (a test records more),
/// an fbnet campaign whose supernet has not started, a trained fbnetv2 campaign with its widths and resolutions, and an rl
/// campaign. No campaign runtime: what the page shows comes from the store, written through its own supernet methods.
/// </summary>
public sealed class SupernetSite : IAsyncLifetime
{
    public const string Training = "dnas-training";
    public const string NotStarted = "dnas-waiting";
    public const string Trained = "masks-trained";
    public const string Reinforced = "rl-only";

    public const int EpochsAtStart = 3;
    public const int EpochsPlanned = 6;

    /// <summary>The searchable layers of the made-up supernets.</summary>
    public const int Layers = 5;

    public static IReadOnlyList<string> Candidates => SupernetCandidate.DefaultNames;

    private string directory = null!;
    private SqliteCampaignStore store = null!;
    private WebApplication api = null!;
    private IPlaywright playwright = null!;

    public IBrowser Browser { get; private set; } = null!;

    /// <summary>The dashboard's address, ending in <c>/</c>.</summary>
    public string Url { get; private set; } = null!;

    public string OperatorKey { get; private set; } = null!;

    public int Attempt { get; private set; }

    public async Task InitializeAsync()
    {
        directory = Directory.CreateTempSubdirectory("mnas-supernet-").FullName;
        store = SqliteCampaignStore.InDirectory(directory);
        api = ApiServer.Create(new ApiOptions { Listen = "http://127.0.0.1:0" }, store);
        await api.StartAsync();
        Url = api.Urls.First().TrimEnd('/') + "/";
        OperatorKey = (await ApiKeys.CreateAsync(store, "browser-operator", ApiRole.Operator)).Plaintext;

        var dnas = new DnasSpec { Epochs = EpochsPlanned, WarmupEpochs = 1 };
        await CreateAsync(Reinforced, "rl", new CampaignSpec { Name = Reinforced });
        await CreateAsync(NotStarted, "fbnet", new CampaignSpec { Name = NotStarted, Dnas = dnas });
        await CreateAsync(Training, "fbnet", new CampaignSpec { Name = Training, Dnas = dnas });
        Attempt = (await store.BeginSupernetAttemptAsync(Training, DateTimeOffset.UtcNow)).Attempts;
        for (var epoch = 1; epoch <= EpochsAtStart; epoch++)
        {
            await RecordEpochAsync(epoch);
        }

        var masks = new DnasSpec { Candidates = ["k3_e3", "k5_e6", "skip"], Epochs = 2, WarmupEpochs = 1, Widths = [0.5, 0.75, 1.0], Resolutions = [1, 2] };
        await CreateAsync(Trained, "fbnetv2", new CampaignSpec { Name = Trained, Dnas = masks });
        var attempt = (await store.BeginSupernetAttemptAsync(Trained, DateTimeOffset.UtcNow)).Attempts;
        IReadOnlyList<IReadOnlyList<double>> theta = [.. Enumerable.Range(0, Layers).Select(l => (IReadOnlyList<double>)[0.6, 0.3, 0.1])];
        IReadOnlyList<IReadOnlyList<double>> widths = [.. Enumerable.Range(0, Layers).Select(l => (IReadOnlyList<double>)[0.2, 0.3, 0.5])];
        for (var epoch = 1; epoch <= 2; epoch++)
        {
            await store.RecordSupernetEpochAsync(new SupernetEpochRecord(Trained, epoch, attempt, 5.0 * Math.Pow(0.956, epoch - 1), 2.0 / epoch, 1.8 / epoch,
                epoch > 1, 11.0 - epoch, theta, widths, [0.7, 0.3], 20.0, DateTimeOffset.UtcNow), [1, 2, 3]);
        }
        var posterior = new SupernetPosterior(masks.Candidates, theta, masks.Widths, widths, masks.Resolutions, [0.7, 0.3], 9.0, 2);
        await store.FinishSupernetAsync(Trained, attempt, posterior.ToJson(), DateTimeOffset.UtcNow);

        playwright = await Playwright.CreateAsync();
        Browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions { ExecutablePath = DashboardSite.Chromium, Headless = true });
    }

    /// <summary>
    /// P_θ of the training campaign after <paramref name="epoch"/>: at layer l the candidate l (mod the candidates) gains
    /// with every epoch, the others share the rest; every row sums to 1.
    /// </summary>
    public static IReadOnlyList<IReadOnlyList<double>> Theta(int epoch) =>
    [
        .. Enumerable.Range(0, Layers).Select(layer =>
        {
            var favourite = Math.Min(0.9, 0.2 + 0.1 * epoch);
            var rest = (1 - favourite) / (Candidates.Count - 1);
            return (IReadOnlyList<double>)[.. Enumerable.Range(0, Candidates.Count).Select(c => c == layer % Candidates.Count ? favourite : rest)];
        }),
    ];

    /// <summary>Records the training campaign's next epoch and appends the event the campaign engine would.</summary>
    public async Task RecordEpochAsync(int epoch)
    {
        var temperature = 5.0 * Math.Pow(0.956, epoch - 1);
        var loss = 2.5 / epoch;
        var latency = 14.0 - epoch;
        var record = new SupernetEpochRecord(Training, epoch, Attempt, temperature, loss, loss * 0.9, epoch > 1, latency, Theta(epoch), null, null, 30.0,
            DateTimeOffset.UtcNow);
        Assert.True(await store.RecordSupernetEpochAsync(record, [(byte)epoch]));
        await store.AppendEventAsync(Training, "supernet",
            FormattableString.Invariant($"supernet epoch {epoch}/{EpochsPlanned}: loss {loss:F4}, τ {temperature:F4}, expected latency {latency:F2} ms"),
            DateTimeOffset.UtcNow);
    }

    private Task CreateAsync(string id, string strategy, CampaignSpec spec) =>
        store.CreateCampaignAsync(new Campaign(id, spec.Name, CampaignSpecWriter.ToJson(spec), new CampaignSettings(strategy, MaxChildren: 10).ToJson(), 3,
            CampaignStatus.Running, DateTimeOffset.UtcNow));

    public async Task DisposeAsync()
    {
        if (Browser != null)
        {
            await Browser.DisposeAsync();
        }
        playwright?.Dispose();
        await api.DisposeAsync();
        await store.DisposeAsync();
        Directory.Delete(directory, recursive: true);
    }
}
