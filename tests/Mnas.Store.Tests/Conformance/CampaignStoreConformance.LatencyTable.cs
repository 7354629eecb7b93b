namespace Mnas.Store.Tests.Conformance;

/// <summary>A campaign's latency lookup table (FBNetV3): the first value of a key is kept, a bad batch adds nothing.</summary>
public abstract partial class CampaignStoreConformance
{
    private static Dictionary<string, double> Latencies(params (string Key, double LatencyMs)[] entries) =>
        entries.ToDictionary(e => e.Key, e => e.LatencyMs, StringComparer.Ordinal);

    private async Task AssertLatencyTableAsync(Dictionary<string, double> expected, string campaignId = "c1")
    {
        var table = await Store.GetLatencyTableAsync(campaignId);
        Assert.Equal(expected.Keys.Order(StringComparer.Ordinal), table.Keys.Order(StringComparer.Ordinal));
        foreach (var (key, latencyMs) in expected)
        {
            AssertSameBits(latencyMs, table[key]);
        }
    }

    [Fact]
    public async Task latency_entries_are_added_and_read_back_bit_for_bit()
    {
        await CreateCampaignAsync();
        await AssertLatencyTableAsync([]);
        var entries = Latencies(("conv3x3|16|32|s1|32x32", 0.1 + 0.2), ("mbconv e6 k5|ünïcødé", 1e-9), ("Conv3x3|16|32|s1|32x32", 12.5));

        Assert.Equal(3, await Store.AddLatencyEntriesAsync("c1", entries));

        await AssertLatencyTableAsync(entries);
    }

    [Fact]
    public async Task a_key_the_table_holds_keeps_its_first_value_and_only_new_keys_count_as_added()
    {
        await CreateCampaignAsync();
        await Store.AddLatencyEntriesAsync("c1", Latencies(("a", 1.5), ("b", 2.5)));

        Assert.Equal(1, await Store.AddLatencyEntriesAsync("c1", Latencies(("b", 99.0), ("c", 3.5))));
        Assert.Equal(0, await Store.AddLatencyEntriesAsync("c1", Latencies(("a", 7.0))));
        Assert.Equal(0, await Store.AddLatencyEntriesAsync("c1", Latencies()));

        await AssertLatencyTableAsync(Latencies(("a", 1.5), ("b", 2.5), ("c", 3.5)));
    }

    [Fact]
    public async Task writers_adding_the_same_key_at_once_add_it_once_with_one_of_their_values()
    {
        await CreateCampaignAsync();

        var added = await RunTogetherAsync(4, i => Store.AddLatencyEntriesAsync("c1", Latencies(("shared", 1.0 + i), ($"own-{i}", 0.5))));

        Assert.Equal(5, added.Sum());
        var table = await Store.GetLatencyTableAsync("c1");
        Assert.Equal(5, table.Count);
        Assert.Contains(table["shared"], new[] { 1.0, 2.0, 3.0, 4.0 });
    }

    [Fact]
    public async Task latency_tables_are_kept_per_campaign_survive_reopening_and_go_with_their_campaign()
    {
        await CreateCampaignAsync("c1");
        await CreateCampaignAsync("c2");
        await Store.AddLatencyEntriesAsync("c1", Latencies(("a", 1.5)));
        await Store.AddLatencyEntriesAsync("c2", Latencies(("a", 4.25), ("b", 0.5)));

        await ReopenAsync();

        await AssertLatencyTableAsync(Latencies(("a", 1.5)), "c1");
        await AssertLatencyTableAsync(Latencies(("a", 4.25), ("b", 0.5)), "c2");
        Assert.True(await Store.DeleteCampaignAsync("c1"));
        await AssertLatencyTableAsync([], "c1");
        await CreateCampaignAsync("c1");
        Assert.Equal(1, await Store.AddLatencyEntriesAsync("c1", Latencies(("a", 9.0))));
        await AssertLatencyTableAsync(Latencies(("a", 9.0)), "c1");
        await AssertLatencyTableAsync(Latencies(("a", 4.25), ("b", 0.5)), "c2");
    }

    [Fact]
    public async Task latency_entries_for_an_unknown_campaign_are_refused_naming_the_campaign()
    {
        await CreateCampaignAsync("c1");

        await AssertRefusedAsync("campaignId", () => Store.AddLatencyEntriesAsync("c2", Latencies(("a", 1.0))));

        await AssertLatencyTableAsync([], "c2");
        Assert.Null(await Store.GetCampaignAsync("c2"));
    }

    public static TheoryData<string, string, double> BadLatencyEntries => new()
    {
        { "entries", "", 1.0 },
        { "entries", "  ", 1.0 },
        { "entries[z]", "z", 0.0 },
        { "entries[z]", "z", -0.0 },
        { "entries[z]", "z", -2.5 },
        { "entries[z]", "z", double.NaN },
        { "entries[z]", "z", double.PositiveInfinity },
    };

    [Theory]
    [MemberData(nameof(BadLatencyEntries))]
    public async Task a_batch_with_a_bad_entry_is_refused_naming_the_field_and_adds_nothing(string field, string key, double latencyMs)
    {
        await CreateCampaignAsync();
        await Store.AddLatencyEntriesAsync("c1", Latencies(("a", 1.5)));

        await AssertRefusedAsync(field, () => Store.AddLatencyEntriesAsync("c1", Latencies(("b", 2.5), (key, latencyMs), ("c", 3.5))));

        await AssertLatencyTableAsync(Latencies(("a", 1.5)));
    }

    [Fact]
    public async Task latency_calls_without_a_campaign_id_or_entries_are_refused_naming_them()
    {
        await CreateCampaignAsync();

        await AssertRefusedAsync("campaignId", () => Store.AddLatencyEntriesAsync(" ", Latencies(("a", 1.0))));
        await AssertRefusedAsync("entries", () => Store.AddLatencyEntriesAsync("c1", null!));
        await AssertRefusedAsync("campaignId", () => Store.GetLatencyTableAsync(""));

        await AssertLatencyTableAsync([]);
    }
}
