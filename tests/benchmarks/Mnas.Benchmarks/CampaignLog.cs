using System.Globalization;

namespace Mnas.Benchmarks;

/// <summary>What a controller logged of a campaign, read from the logs under its data directory.</summary>
internal static class CampaignLog
{
    /// <summary>When the controller first logged the campaign <c>starting</c> or <c>resuming</c> with its strategy (null: it did not).</summary>
    public static DateTimeOffset? LoggedAt(string dataDirectory, string campaignId, string action)
    {
        var logs = Path.Combine(dataDirectory, "logs");
        if (!Directory.Exists(logs))
        {
            return null;
        }

        var marker = $"campaign {campaignId}: {action} with strategy";
        foreach (var file in Directory.GetFiles(logs, "mnas-*.log").Order(StringComparer.Ordinal))
        {
            using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            using var reader = new StreamReader(stream);
            while (reader.ReadLine() is { } line)
            {
                // "2026-11-24 10:00:00.123 +00:00 [INF] campaign …"
                if (line.Contains(marker, StringComparison.Ordinal) &&
                    DateTimeOffset.TryParseExact(line[..30], "yyyy-MM-dd HH:mm:ss.fff zzz", CultureInfo.InvariantCulture, DateTimeStyles.None, out var at))
                {
                    return at;
                }
            }
        }

        return null;
    }
}
