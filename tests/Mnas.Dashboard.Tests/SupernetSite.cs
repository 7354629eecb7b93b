using Mnas.Campaigns;
using Mnas.Grains;
using Mnas.SearchSpace.Spec;
using Mnas.SearchSpace.Supernet;

namespace Mnas.Dashboard.Tests;

/// <summary>
/// Campaigns that train a supernet as the store keeps them, behind the real API and its dashboard, and a headless Chromium
/// to look at them: an fbnet campaign whose supernet has trained <see cref="EpochsAtStart"/> epochs (a test records more),
/// an fbnet campaign whose supernet has not started, a trained fbnetv2 campaign with its widths and resolutions, a bn-nas
/// campaign whose single-path supernet has trained <see cref="BnEpochsAtStart"/> epochs (a test records more), a bn-nas
/// campaign trained and searched, with its evolution and the subnets it chose, and an rl campaign. No campaign runtime:
/// what the page shows comes from the store, written through its own supernet methods.
/// </summary>
public sealed class SupernetSite() : SeededSite("mnas-supernet-")
{
    public const string Training = "dnas-training";
    public const string NotStarted = "dnas-waiting";
    public const string Trained = "masks-trained";
    public const string Reinforced = "rl-only";
    public const string BnTraining = "bn-training";
    public const string BnEvolved = "bn-evolved";

    public const int EpochsAtStart = 3;
    public const int EpochsPlanned = 6;

    /// <summary>The searchable layers of the made-up supernets.</summary>
    public const int Layers = 5;

    public static IReadOnlyList<string> Candidates => SupernetCandidate.DefaultNames;

    /// <summary>The bn-nas campaigns' candidates; the first layer does not offer the last of them.</summary>
    public static IReadOnlyList<string> BnCandidates { get; } = ["k3_e1", "k3_e3", "k5_e3", "k5_e6"];

    public const int BnEpochsAtStart = 2;

    /// <summary>The training bn-nas campaign's epochs: a tenth of 40, as BN-only training runs them.</summary>
    public const int BnEpochsPlanned = 4;

    /// <summary>The trained bn-nas campaign's: a tenth of 20.</summary>
    public const int BnEvolvedEpochs = 2;

    public const int Iterations = 5;

    /// <summary>The trained bn-nas campaign's cost table: at layer l candidate c costs c + 1 times a unit, the fixed part a share of its own.</summary>
    public static SupernetCosts BnCosts { get; } = new(new SupernetLayerCost(1.0, 10_000, 500_000, 65_536),
    [
        .. Enumerable.Range(0, Layers).Select(layer => (IReadOnlyList<SupernetLayerCost?>)[
            .. Enumerable.Range(0, BnCandidates.Count).Select(c => Offers(layer, c) ? new SupernetLayerCost(0.125 * (c + 1), 1000 * (c + 1), 20_000 * (c + 1), 8192 * (c + 1)) : null),
        ]),
    ]);

    /// <summary>The subnets the trained bn-nas campaign's evolution chose: candidate choices per layer, best first.</summary>
    public static IReadOnlyList<IReadOnlyList<int>> Chosen { get; } = [[2, 2, 0, 1, 3], [1, 2, 2, 0, 3], [0, 1, 2, 3, 3]];

    public int Attempt { get; private set; }

    public int BnAttempt { get; private set; }

    protected override async Task SeedAsync()
    {
        var dnas = new DnasSpec { Epochs = EpochsPlanned, WarmupEpochs = 1 };
        await CreateCampaignAsync(Reinforced, "rl", new CampaignSpec { Name = Reinforced });
        await CreateCampaignAsync(NotStarted, "fbnet", new CampaignSpec { Name = NotStarted, Dnas = dnas });
        await CreateCampaignAsync(Training, "fbnet", new CampaignSpec { Name = Training, Dnas = dnas });
        Attempt = (await Store.BeginSupernetAttemptAsync(Training, DateTimeOffset.UtcNow)).Attempts;
        for (var epoch = 1; epoch <= EpochsAtStart; epoch++)
        {
            await RecordEpochAsync(epoch);
        }

        var masks = new DnasSpec { Candidates = ["k3_e3", "k5_e6", "skip"], Epochs = 2, WarmupEpochs = 1, Widths = [0.5, 0.75, 1.0], Resolutions = [1, 2] };
        await CreateCampaignAsync(Trained, "fbnetv2", new CampaignSpec { Name = Trained, Dnas = masks });
        var attempt = (await Store.BeginSupernetAttemptAsync(Trained, DateTimeOffset.UtcNow)).Attempts;
        IReadOnlyList<IReadOnlyList<double>> theta = [.. Enumerable.Range(0, Layers).Select(l => (IReadOnlyList<double>)[0.6, 0.3, 0.1])];
        IReadOnlyList<IReadOnlyList<double>> widths = [.. Enumerable.Range(0, Layers).Select(l => (IReadOnlyList<double>)[0.2, 0.3, 0.5])];
        for (var epoch = 1; epoch <= 2; epoch++)
        {
            await Store.RecordSupernetEpochAsync(new SupernetEpochRecord(Trained, epoch, attempt, 5.0 * Math.Pow(0.956, epoch - 1), 2.0 / epoch, 1.8 / epoch,
                epoch > 1, 11.0 - epoch, theta, widths, [0.7, 0.3], 20.0, DateTimeOffset.UtcNow), [1, 2, 3]);
        }
        var posterior = new SupernetPosterior(masks.Candidates, theta, masks.Widths, widths, masks.Resolutions, [0.7, 0.3], 9.0, 2);
        await Store.FinishSupernetAsync(Trained, attempt, posterior.ToJson(), DateTimeOffset.UtcNow);

        await CreateCampaignAsync(BnTraining, "bn-nas", new CampaignSpec { Name = BnTraining, Bnnas = new BnNasSpec { Candidates = BnCandidates, Epochs = 40 } });
        BnAttempt = (await Store.BeginSupernetAttemptAsync(BnTraining, DateTimeOffset.UtcNow)).Attempts;
        for (var epoch = 1; epoch <= BnEpochsAtStart; epoch++)
        {
            await RecordBnEpochAsync(epoch);
        }

        await CreateCampaignAsync(BnEvolved, "bn-nas", new CampaignSpec { Name = BnEvolved, Bnnas = new BnNasSpec { Candidates = BnCandidates, Epochs = 20 } });
        var bnAttempt = (await Store.BeginSupernetAttemptAsync(BnEvolved, DateTimeOffset.UtcNow)).Attempts;
        for (var epoch = 1; epoch <= BnEvolvedEpochs; epoch++)
        {
            Assert.True(await Store.RecordSupernetEpochAsync(BnEpoch(BnEvolved, epoch, bnAttempt), [(byte)epoch]));
        }
        var bnPosterior = new SupernetPosterior(BnCandidates, Uniform, null, null, null, null, 3.0, BnEvolvedEpochs)
        {
            Scores = Scores(BnEvolvedEpochs),
            Costs = BnCosts,
        };
        Assert.True(await Store.FinishSupernetAsync(BnEvolved, bnAttempt, bnPosterior.ToJson(), DateTimeOffset.UtcNow));
        Assert.True(await Store.RecordSupernetEvolutionAsync(BnEvolved, Evolution.ToJson(), DateTimeOffset.UtcNow));

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

    /// <summary>Whether layer <paramref name="layer"/> of the bn-nas supernets offers candidate <paramref name="candidate"/>.</summary>
    public static bool Offers(int layer, int candidate) => layer != 0 || candidate != BnCandidates.Count - 1;

    /// <summary>The bn-nas supernets' sampling distribution: uniform over what each layer offers.</summary>
    public static IReadOnlyList<IReadOnlyList<double>> Uniform =>
    [
        .. Enumerable.Range(0, Layers).Select(layer =>
        {
            var offered = Enumerable.Range(0, BnCandidates.Count).Count(c => Offers(layer, c));
            return (IReadOnlyList<double>)[.. Enumerable.Range(0, BnCandidates.Count).Select(c => Offers(layer, c) ? 1.0 / offered : 0)];
        }),
    ];

    /// <summary>The BN indicator after <paramref name="epoch"/>: candidates' scores that reorder from one epoch to the next; 0 where not offered.</summary>
    public static IReadOnlyList<IReadOnlyList<double>> Scores(int epoch) =>
    [
        .. Enumerable.Range(0, Layers).Select(layer => (IReadOnlyList<double>)[
            .. Enumerable.Range(0, BnCandidates.Count).Select(c => Offers(layer, c) ? 0.6 + 0.1 * ((c * (layer + 1) + epoch) % 5) : 0.0),
        ]),
    ];

    /// <summary>How far the rankings moved after <paramref name="epoch"/>: none for the first, then less and less.</summary>
    public static double? RankingDistance(int epoch) => epoch == 1 ? null : 0.5 / (epoch - 1);

    /// <summary>The trained bn-nas campaign's evolution: a best and a mean score that climb, and the subnets it chose.</summary>
    public static SupernetEvolution Evolution { get; } = new(
        [.. Enumerable.Range(1, Iterations).Select(i => new EvolutionIteration(i, 3.0 + 0.1 * i, 2.5 + 0.1 * i, 40 + i))],
        [.. Chosen.Select((choice, i) => new EvolvedSubnet(ChosenName(choice), 3.5 - 0.1 * i, BnCosts.Of(choice)))]);

    public static string ChosenName(IReadOnlyList<int> choice) => new SupernetChildName([.. choice.Select(c => BnCandidates[c])]).ToString();

    private static SupernetEpochRecord BnEpoch(string campaign, int epoch, int attempt) =>
        new(campaign, epoch, attempt, 0, 2.0 / epoch, 2.0 / epoch, false, 3.0, Uniform, null, null, 10.0, DateTimeOffset.UtcNow, Scores(epoch), RankingDistance(epoch));

    /// <summary>Records the training bn-nas campaign's next epoch and appends the event the campaign engine would.</summary>
    public async Task RecordBnEpochAsync(int epoch)
    {
        Assert.True(await Store.RecordSupernetEpochAsync(BnEpoch(BnTraining, epoch, BnAttempt), [(byte)epoch]));
        await Store.AppendEventAsync(BnTraining, "supernet",
            FormattableString.Invariant($"supernet epoch {epoch}/{BnEpochsPlanned}: loss {2.0 / epoch:F4}"), DateTimeOffset.UtcNow);
    }

    /// <summary>
    /// Finishes the training bn-nas campaign's supernet after the epochs recorded, keeps the trained campaign's evolution
    /// as its own, and appends the events the campaign engine would.
    /// </summary>
    public async Task FinishBnAsync(int epochs)
    {
        var posterior = new SupernetPosterior(BnCandidates, Uniform, null, null, null, null, 3.0, epochs) { Scores = Scores(epochs), Costs = BnCosts };
        Assert.True(await Store.FinishSupernetAsync(BnTraining, BnAttempt, posterior.ToJson(), DateTimeOffset.UtcNow));
        await Store.AppendEventAsync(BnTraining, "supernet-trained", $"the supernet is trained ({epochs} epochs): the evolution searches its BN indicator",
            DateTimeOffset.UtcNow);
        Assert.True(await Store.RecordSupernetEvolutionAsync(BnTraining, Evolution.ToJson(), DateTimeOffset.UtcNow));
        await Store.AppendEventAsync(BnTraining, "evolution",
            $"the evolution ran {Iterations} iterations and chose {Chosen.Count} subnet(s) to train", DateTimeOffset.UtcNow);
    }

    /// <summary>Records the training campaign's next epoch and appends the event the campaign engine would.</summary>
    public async Task RecordEpochAsync(int epoch)
    {
        var temperature = 5.0 * Math.Pow(0.956, epoch - 1);
        var loss = 2.5 / epoch;
        var latency = 14.0 - epoch;
        var record = new SupernetEpochRecord(Training, epoch, Attempt, temperature, loss, loss * 0.9, epoch > 1, latency, Theta(epoch), null, null, 30.0,
            DateTimeOffset.UtcNow);
        Assert.True(await Store.RecordSupernetEpochAsync(record, [(byte)epoch]));
        await Store.AppendEventAsync(Training, "supernet",
            FormattableString.Invariant($"supernet epoch {epoch}/{EpochsPlanned}: loss {loss:F4}, τ {temperature:F4}, expected latency {latency:F2} ms"),
            DateTimeOffset.UtcNow);
    }
}
