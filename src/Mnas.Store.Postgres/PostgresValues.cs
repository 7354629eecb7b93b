using System.Text.Json;
using Mnas.Campaigns;

namespace Mnas.Store.Postgres;

/// <summary>
/// How values are written to and read from columns: a time as UTC ticks and an offset in minutes, a worker's running
/// children and a supernet's distributions and BN indicator as JSON arrays, enums by name.
/// </summary>
internal static class PostgresValues
{
    private static readonly JsonSerializerOptions RunningJson = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    public static long UtcTicks(DateTimeOffset value) => value.UtcTicks;

    public static short OffsetMinutes(DateTimeOffset value) => checked((short)(value.Offset.Ticks / TimeSpan.TicksPerMinute));

    public static DateTimeOffset Time(long utcTicks, short offsetMinutes) =>
        new DateTimeOffset(utcTicks, TimeSpan.Zero).ToOffset(TimeSpan.FromMinutes(offsetMinutes));

    public static string Running(IReadOnlyList<WorkerChild> running) => JsonSerializer.Serialize(running, RunningJson);

    public static WorkerChild[] Running(string json) =>
        JsonSerializer.Deserialize<WorkerChild[]>(json, RunningJson) ?? throw new InvalidDataException($"running column holds '{json}', not an array");

    public static string Distributions(IReadOnlyList<IReadOnlyList<double>> layers) => JsonSerializer.Serialize(layers);

    public static double[][] Distributions(string json) =>
        JsonSerializer.Deserialize<double[][]>(json) ?? throw new InvalidDataException($"distributions column holds '{json}', not an array");

    public static string Distribution(IReadOnlyList<double> probabilities) => JsonSerializer.Serialize(probabilities);

    public static double[] Distribution(string json) =>
        JsonSerializer.Deserialize<double[]>(json) ?? throw new InvalidDataException($"distribution column holds '{json}', not an array");

    public static string Scores(IReadOnlyList<IReadOnlyList<double>> layers) => JsonSerializer.Serialize(layers);

    public static double[][] Scores(string json) =>
        JsonSerializer.Deserialize<double[][]>(json) ?? throw new InvalidDataException($"scores column holds '{json}', not an array");

    public static string Name(ChildStatus status) => status.ToString();

    public static string Name(CampaignStatus status) => status.ToString();

    public static ChildStatus ChildStatus(string name) => Enum.Parse<ChildStatus>(name);

    public static CampaignStatus CampaignStatus(string name) => Enum.Parse<CampaignStatus>(name);
}
