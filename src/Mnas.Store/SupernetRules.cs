using System.Text.Json;
using Mnas.Campaigns;

namespace Mnas.Store;

/// <summary>
/// The argument checks of the supernet's writes, the same in every store,
/// in the manner of <see cref="StoreRules"/>: each throws an <see cref="ArgumentException"/> whose ParamName is the field.
/// </summary>
public static class SupernetRules
{
    /// <summary>
    /// Checks an epoch and its state for <see cref="ICampaignStore.RecordSupernetEpochAsync"/>: an id, an epoch and an
    /// attempt from 1, finite numbers, the distributions (each layer's, non-empty, within [0, 1]), the BN indicator when
    /// given (each layer's, non-empty, finite and not negative), the ranking distance when given (within [0, 1]) and a
    /// non-empty state.
    /// </summary>
    public static void ValidateEpoch(SupernetEpochRecord? epoch, byte[]? state)
    {
        if (epoch is null)
        {
            throw new ArgumentNullException(nameof(epoch));
        }

        StoreRules.RequireId(epoch.CampaignId, "epoch.CampaignId");
        RequireAtLeastOne(epoch.Epoch, "epoch.Epoch");
        RequireAtLeastOne(epoch.Attempt, "epoch.Attempt");
        RequireFinite(epoch.Temperature, "epoch.Temperature");
        RequireFinite(epoch.Loss, "epoch.Loss");
        RequireFinite(epoch.CrossEntropy, "epoch.CrossEntropy");
        RequireFinite(epoch.ExpectedLatencyMs, "epoch.ExpectedLatencyMs");
        RequireFinite(epoch.Seconds, "epoch.Seconds");
        RequireDistributions(epoch.Distributions, "epoch.Distributions");
        if (epoch.WidthDistributions is { } widths)
        {
            RequireDistributions(widths, "epoch.WidthDistributions");
        }

        if (epoch.ResolutionDistribution is { } resolutions)
        {
            RequireDistribution(resolutions, "epoch.ResolutionDistribution");
        }

        if (epoch.Scores is { } scores)
        {
            RequireScores(scores, "epoch.Scores");
        }

        if (epoch.RankingDistance is { } distance && !(distance >= 0 && distance <= 1))
        {
            throw new ArgumentException($"epoch.RankingDistance must be a share between 0 and 1 (got {distance})", "epoch.RankingDistance");
        }

        if (state is not { Length: > 0 })
        {
            throw new ArgumentException($"state must hold the supernet's search state (got {(state is null ? "null" : "no bytes")})", nameof(state));
        }
    }

    /// <summary>Checks the arguments of <see cref="ICampaignStore.FinishSupernetAsync"/>: an id, an attempt from 1 and a posterior that is JSON.</summary>
    public static void ValidateFinish(string? campaignId, int attempt, string? posteriorJson)
    {
        StoreRules.RequireId(campaignId, nameof(campaignId));
        RequireAtLeastOne(attempt, nameof(attempt));
        if (string.IsNullOrWhiteSpace(posteriorJson))
        {
            throw new ArgumentException("posteriorJson must hold the supernet's posterior", nameof(posteriorJson));
        }

        try
        {
            using var _ = JsonDocument.Parse(posteriorJson);
        }
        catch (JsonException e)
        {
            throw new ArgumentException($"posteriorJson is not JSON: {e.Message}", nameof(posteriorJson), e);
        }
    }

    /// <summary>
    /// Checks the arguments of <see cref="ICampaignStore.RecordSupernetEvolutionAsync"/>: an id and an evolution that is
    /// a JSON object.
    /// </summary>
    public static void ValidateEvolution(string? campaignId, string? evolutionJson)
    {
        StoreRules.RequireId(campaignId, nameof(campaignId));
        if (string.IsNullOrWhiteSpace(evolutionJson))
        {
            throw new ArgumentException("evolutionJson must hold the evolution searched over the supernet", nameof(evolutionJson));
        }

        JsonValueKind kind;
        try
        {
            using var document = JsonDocument.Parse(evolutionJson);
            kind = document.RootElement.ValueKind;
        }
        catch (JsonException e)
        {
            throw new ArgumentException($"evolutionJson is not JSON: {e.Message}", nameof(evolutionJson), e);
        }

        if (kind != JsonValueKind.Object)
        {
            throw new ArgumentException($"evolutionJson must be a JSON object (got {kind.ToString().ToLowerInvariant()})", nameof(evolutionJson));
        }
    }

    /// <summary>The exception for a new attempt at a supernet already trained.</summary>
    public static InvalidOperationException AlreadyTrained(string campaignId) =>
        new($"campaign '{campaignId}': its supernet is trained; no further attempt begins");

    private static void RequireDistributions(IReadOnlyList<IReadOnlyList<double>> layers, string field)
    {
        if (layers is not { Count: > 0 })
        {
            throw new ArgumentException($"{field} must hold at least one layer's distribution", field);
        }

        for (var i = 0; i < layers.Count; i++)
        {
            RequireDistribution(layers[i], $"{field}[{i}]");
        }
    }

    private static void RequireDistribution(IReadOnlyList<double>? probabilities, string field)
    {
        if (probabilities is not { Count: > 0 })
        {
            throw new ArgumentException($"{field} must hold at least one probability", field);
        }

        for (var i = 0; i < probabilities.Count; i++)
        {
            if (!(probabilities[i] >= 0 && probabilities[i] <= 1))
            {
                throw new ArgumentException($"{field}[{i}] must be a probability between 0 and 1 (got {probabilities[i]})", $"{field}[{i}]");
            }
        }
    }

    private static void RequireScores(IReadOnlyList<IReadOnlyList<double>> layers, string field)
    {
        if (layers is not { Count: > 0 })
        {
            throw new ArgumentException($"{field} must hold at least one layer's scores", field);
        }

        for (var i = 0; i < layers.Count; i++)
        {
            if (layers[i] is not { Count: > 0 } scores)
            {
                throw new ArgumentException($"{field}[{i}] must hold at least one candidate's score", $"{field}[{i}]");
            }

            for (var j = 0; j < scores.Count; j++)
            {
                if (!(double.IsFinite(scores[j]) && scores[j] >= 0))
                {
                    throw new ArgumentException($"{field}[{i}][{j}] must be a finite score not below 0 (got {scores[j]})", $"{field}[{i}][{j}]");
                }
            }
        }
    }

    private static void RequireAtLeastOne(int value, string field)
    {
        if (value < 1)
        {
            throw new ArgumentException($"{field} must be at least 1 (got {value})", field);
        }
    }

    private static void RequireFinite(double value, string field)
    {
        if (!double.IsFinite(value))
        {
            throw new ArgumentException($"{field} must be a finite number (got {value})", field);
        }
    }
}
