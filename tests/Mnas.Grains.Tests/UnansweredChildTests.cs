using System.Collections.Concurrent;
using System.Net;
using Mnas.Grains.Contracts;
using Mnas.Grains.Trainer;
using Mnas.Grains.Workers;

namespace Mnas.Grains.Tests;

/// <summary>
/// A worker whose campaign cannot take an answer now (its controller's silo died) keeps listing the finished child in
/// its announcements, marked finished and holding no slot, until the answer is taken: a campaign opened meanwhile
/// adopts the child and awaits the answer instead of running it again. The campaign here is a fake that refuses
/// answers until told to take them (a real one cannot be made to refuse on cue).
/// </summary>
public sealed class UnansweredChildTests
{
    [Fact(Timeout = 30_000)]
    public async Task a_finished_child_is_announced_as_finished_until_a_fake_campaign_that_refused_its_answer_takes_it()
    {
        var reports = new RefusingFakeCampaign();
        var options = new RuntimeOptions { AnnounceInterval = TimeSpan.FromMilliseconds(50) };
        await using var worker = new WorkerAgent(new WorkerIdentity("w1", "cpu", "cpu", 1), 1, new FakeTrainer(), reports,
            SiloAddress.New(IPAddress.Loopback, 11111, 1), options);
        await worker.StartAsync();

        Assert.Equal(Assignment.Accepted, worker.TryAccept(new TrainChild("c1", 1, 1, "", "")));
        await WaitUntil(() => reports.Refusals > 0);
        var finished = await NextAnnouncementAsync(reports);

        var child = Assert.Single(finished.Running);
        Assert.Equal(("c1", 1L, 1, true), (child.CampaignId, child.Sequence, child.Attempt, child.Finished));
        Assert.Equal(0, worker.Busy);
        Assert.Equal(Assignment.Accepted, worker.TryAccept(new TrainChild("c1", 2, 1, "", "")));

        reports.Take = true;
        await WaitUntil(() => reports.Answers.Count == 2);
        await WaitUntil(() => reports.Announcements.LastOrDefault() is { Running.Count: 0 });
        Assert.Equal([1L, 2L], reports.Answers.OfType<ChildEvaluated>().Select(a => a.Sequence).Order());
    }

    private static async Task<WorkerAnnouncement> NextAnnouncementAsync(RefusingFakeCampaign reports)
    {
        var seen = reports.Announcements.Count;
        await WaitUntil(() => reports.Announcements.Count > seen);
        return reports.Announcements.Last();
    }

    private static async Task WaitUntil(Func<bool> condition)
    {
        while (!condition())
        {
            await Task.Delay(5);
        }
    }

    private sealed class RefusingFakeCampaign : IWorkerReports
    {
        private int refusals;

        public volatile bool Take;

        public int Refusals => refusals;

        public ConcurrentQueue<WorkerAnnouncement> Announcements { get; } = new();

        public ConcurrentQueue<object> Answers { get; } = new();

        public Task AnnounceAsync(WorkerAnnouncement announcement)
        {
            Announcements.Enqueue(announcement);
            return Task.CompletedTask;
        }

        public Task LeaveAsync(string workerId) => Task.CompletedTask;

        public Task StartedAsync(ChildStarted message) => Task.CompletedTask;

        public Task SupernetEpochAsync(SupernetEpochReported message) => throw new InvalidOperationException("no supernet runs in this test");

        public Task AnswerAsync(object answer)
        {
            if (!Take)
            {
                Interlocked.Increment(ref refusals);
                throw new TimeoutException("the campaign does not answer");
            }
            Answers.Enqueue(answer);
            return Task.CompletedTask;
        }
    }
}
