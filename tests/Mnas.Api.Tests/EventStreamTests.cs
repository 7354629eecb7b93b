using System.Net;
using Mnas.Api.Events;
using Mnas.Campaigns;

namespace Mnas.Api.Tests;

public sealed class EventStreamTests : IAsyncLifetime
{
    private TestApi api = null!;
    private CampaignSeed seed = null!;

    public async Task InitializeAsync()
    {
        api = await TestApi.StartAsync();
        seed = new CampaignSeed(api.Store);
        await seed.CreateAsync("c1");
    }

    public async Task DisposeAsync() => await api.DisposeAsync();

    [Fact]
    public async Task events_arrive_in_id_order_each_as_its_type()
    {
        await seed.DoneAsync("c1", 1, accuracy: 0.8, latencyMs: 20, reward: 0.5);
        await seed.InStatusAsync("c1", 2, ChildStatus.Failed);
        await api.Store.AppendControllerUpdateAsync(new ControllerUpdateRecord("c1", 1, TestApi.Start, 2, 0.25, 0.2, 1.5));
        await Append("done", "child 1 attempt 1 done: reward 0.5000");
        await Append("waiting", "no worker of device class gpu is alive: latency measurements wait for one");
        await Append("failed", "child 2 attempt 3 failed: broken");
        await Append("controller", "controller update 1: mean reward 0.2500 over 2 children, baseline 0.2000, entropy 1.5000");

        await using var stream = await SseClient.OpenAsync(api.Client, "/api/v1/campaigns/c1/events/stream");
        var messages = await stream.NextAsync(5);

        Assert.Equal("text/event-stream", stream.ContentType);
        Assert.Equal([1L, 1, 2, 3, 4], messages.Select(m => m.Id));
        Assert.Equal(["child-finished", "front-changed", "event", "child-finished", "controller-updated"], messages.Select(m => m.Type));
        Assert.Equal("""{"sequence":1,"status":"done","reward":0.5,"accuracy":0.8,"latency_ms":20}""", messages[0].Data.GetRawText());
        Assert.Equal("""{"front":[1]}""", messages[1].Data.GetRawText());
        Assert.Equal("waiting", messages[2].Data.GetProperty("kind").GetString());
        Assert.Equal("""{"sequence":2,"status":"failed","reward":null,"accuracy":null,"latency_ms":null}""", messages[3].Data.GetRawText());
        Assert.Equal("""{"version":1,"mean_reward":0.25,"baseline":0.2,"entropy":1.5}""", messages[4].Data.GetRawText());
    }

    [Fact]
    public async Task a_supernet_epoch_arrives_as_its_type_with_the_epochs_figures_and_the_end_of_training_as_an_event()
    {
        await seed.CreateAsync("dnas", strategy: "fbnet");
        var attempt = (await api.Store.BeginSupernetAttemptAsync("dnas", TestApi.Start)).Attempts;
        await api.Store.RecordSupernetEpochAsync(new SupernetEpochRecord("dnas", 1, attempt, 5.0, 2.5, 2.25, false, 14.5, [[0.5, 0.5]], null, null, 12.0,
            TestApi.Start), [1]);
        await api.Store.AppendEventAsync("dnas", "supernet", "supernet epoch 1/10: loss 2.5000, τ 5.0000, expected latency 14.50 ms", TestApi.Start);
        await api.Store.AppendEventAsync("dnas", "supernet", "supernet epoch 2/10: loss 2.4000, τ 4.7800, expected latency 14.00 ms", TestApi.Start);
        await api.Store.AppendEventAsync("dnas", "supernet-trained", "supernet trained after 10 epochs", TestApi.Start);

        await using var stream = await SseClient.OpenAsync(api.Client, "/api/v1/campaigns/dnas/events/stream");
        var messages = await stream.NextAsync(3);

        // The second epoch's record is not in the store: its event is passed on as it was written.
        Assert.Equal(["supernet-epoch", "event", "event"], messages.Select(m => m.Type));
        Assert.Equal("""{"epoch":1,"attempt":1,"temperature":5,"loss":2.5,"cross_entropy":2.25,"theta_trained":false,"expected_latency_ms":14.5,"seconds":12,"scores":null,"ranking_distance":null}""",
            messages[0].Data.GetRawText());
        Assert.Equal("supernet", messages[1].Data.GetProperty("kind").GetString());
        Assert.Equal("supernet-trained", messages[2].Data.GetProperty("kind").GetString());
    }

    [Fact]
    public async Task a_bn_nas_supernet_epoch_arrives_with_its_indicator_and_ranking_distance()
    {
        await seed.CreateAsync("bn", strategy: "bn-nas");
        var attempt = (await api.Store.BeginSupernetAttemptAsync("bn", TestApi.Start)).Attempts;
        foreach (var (epoch, scores, distance) in new[] { (1, new[] { 0.9, 1.1 }, (double?)null), (2, new[] { 1.2, 0.8 }, (double?)1.0) })
        {
            await api.Store.RecordSupernetEpochAsync(new SupernetEpochRecord("bn", epoch, attempt, 0, 2.0, 2.0, false, 3.5, [[0.5, 0.5]], null, null, 6.0,
                TestApi.Start, [scores], distance), [(byte)epoch]);
            await api.Store.AppendEventAsync("bn", "supernet", $"supernet epoch {epoch}/2: loss 2.0000", TestApi.Start);
        }

        await using var stream = await SseClient.OpenAsync(api.Client, "/api/v1/campaigns/bn/events/stream");
        var messages = await stream.NextAsync(2);

        Assert.Equal(["supernet-epoch", "supernet-epoch"], messages.Select(m => m.Type));
        Assert.Equal("""{"epoch":1,"attempt":1,"temperature":0,"loss":2,"cross_entropy":2,"theta_trained":false,"expected_latency_ms":3.5,"seconds":6,"scores":[[0.9,1.1]],"ranking_distance":null}""",
            messages[0].Data.GetRawText());
        Assert.Equal("""{"epoch":2,"attempt":1,"temperature":0,"loss":2,"cross_entropy":2,"theta_trained":false,"expected_latency_ms":3.5,"seconds":6,"scores":[[1.2,0.8]],"ranking_distance":1}""",
            messages[1].Data.GetRawText());
    }

    [Fact]
    public async Task a_stream_resumes_after_the_last_event_id_without_repeats()
    {
        for (var i = 1; i <= 4; i++)
        {
            await Append("tick", $"tick {i}");
        }

        await using var fromHeader = await SseClient.OpenAsync(api.Client, "/api/v1/campaigns/c1/events/stream", lastEventId: "2");
        await using var fromQuery = await SseClient.OpenAsync(api.Client, "/api/v1/campaigns/c1/events/stream?after=3");
        var afterTwo = await fromHeader.NextAsync(2);
        var afterThree = await fromQuery.NextAsync();
        await Append("tick", "tick 5");

        Assert.Equal([3L, 4], afterTwo.Select(m => m.Id));
        Assert.Equal(4, afterThree.Id);
        Assert.Equal(5, (await fromHeader.NextAsync()).Id);
        Assert.Equal(5, (await fromQuery.NextAsync()).Id);
    }

    [Fact]
    public async Task an_event_appended_while_connected_arrives_and_a_front_change_follows_a_child_that_changes_it()
    {
        await seed.DoneAsync("c1", 1, accuracy: 0.8, latencyMs: 20, reward: 0.5);
        await Append("done", "child 1 attempt 1 done: reward 0.5000");
        await using var stream = await SseClient.OpenAsync(api.Client, "/api/v1/campaigns/c1/events/stream", lastEventId: "1");

        // Dominated by child 1: no change to the front. Then a faster one: the front grows.
        await seed.DoneAsync("c1", 2, accuracy: 0.7, latencyMs: 30, reward: 0.4);
        await Append("done", "child 2 attempt 1 done: reward 0.4000");
        await seed.DoneAsync("c1", 3, accuracy: 0.6, latencyMs: 5, reward: 0.45);
        await Append("done", "child 3 attempt 1 done: reward 0.4500");
        var messages = await stream.NextAsync(3);

        Assert.Equal([(2L, "child-finished"), (3L, "child-finished"), (3L, "front-changed")], messages.Select(m => (m.Id, m.Type)));
        Assert.Equal("""{"front":[3,1]}""", messages[2].Data.GetRawText());
    }

    [Fact]
    public async Task a_quiet_stream_gets_a_keep_alive_comment()
    {
        await using var stream = await SseClient.OpenAsync(api.Client, "/api/v1/campaigns/c1/events/stream");

        Assert.Equal(": keep-alive", await stream.NextLineAsync(EventStreamApi.KeepAliveInterval + TimeSpan.FromSeconds(5)));
    }

    [Fact]
    public async Task a_bad_last_event_id_is_a_400_naming_it_and_an_unknown_campaign_404()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/campaigns/c1/events/stream");
        request.Headers.Add("Last-Event-ID", "abc");
        using var bad = await api.Client.SendAsync(request);
        using var badQuery = await api.Client.GetAsync("/api/v1/campaigns/c1/events/stream?after=-1");
        using var unknown = await api.Client.GetAsync("/api/v1/campaigns/nope/events/stream");

        Assert.True((await Problem.ReadAsync(bad)).Body.GetProperty("errors").TryGetProperty("Last-Event-ID", out _));
        Assert.True((await Problem.ReadAsync(badQuery)).Body.GetProperty("errors").TryGetProperty("after", out _));
        Assert.Equal(HttpStatusCode.NotFound, (await Problem.ReadAsync(unknown)).Status);
    }

    private Task Append(string kind, string message) => api.Store.AppendEventAsync("c1", kind, message, TestApi.Start);
}
