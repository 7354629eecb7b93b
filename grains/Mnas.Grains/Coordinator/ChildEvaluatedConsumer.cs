using MassTransit;
using Mnas.Grains.Contracts;

namespace Mnas.Grains.Coordinator;

/// <summary>
/// Routes workers' answers: each ends the child's lease (freeing the slot for the next waiting child) and goes to the
/// coordinator of its campaign (ignored when that campaign is not coordinated here).
/// </summary>
public sealed class ChildEvaluatedConsumer(CampaignRegistry registry, LeasingChildDispatcher dispatcher, RuntimeOptions options)
    : IConsumer<ChildEvaluated>, IConsumer<ChildStarted>, IConsumer<ChildReleased>, IConsumer<LatencyMeasured>
{
    public Task Consume(ConsumeContext<LatencyMeasured> context) =>
        AnsweredAsync(context.Message.CampaignId, context.Message.Sequence, context.Message.Attempt,
            engine => engine.OnLatencyMeasuredAsync(context.Message, context.CancellationToken), context.CancellationToken);

    public Task Consume(ConsumeContext<ChildEvaluated> context) =>
        AnsweredAsync(context.Message.CampaignId, context.Message.Sequence, context.Message.Attempt,
            engine => engine.OnEvaluatedAsync(context.Message, context.CancellationToken), context.CancellationToken);

    public Task Consume(ConsumeContext<ChildStarted> context) =>
        registry.Find(context.Message.CampaignId)?.OnStartedAsync(context.Message, context.CancellationToken) ?? Task.CompletedTask;

    public async Task Consume(ConsumeContext<ChildReleased> context)
    {
        var m = context.Message;
        var current = await dispatcher.OnReleasedAsync(m.CampaignId, m.Sequence, m.Attempt, m.WorkerId, context.CancellationToken);
        if (await registry.FindAsync(m.CampaignId, Patience, context.CancellationToken) is { } engine)
        {
            await (current ? engine.OnReleasedAsync(m, context.CancellationToken) : engine.OnStrayReleaseAsync(m));
        }
    }

    /// <summary>An answer ends the attempt's lease, then goes to its campaign's coordinator once that is open here.</summary>
    private async Task AnsweredAsync(string campaignId, long sequence, int attempt, Func<CampaignEngine, Task> handle, CancellationToken cancellation)
    {
        await dispatcher.OnAnsweredAsync(campaignId, sequence, attempt, cancellation);
        if (await registry.FindAsync(campaignId, Patience, cancellation) is { } engine)
        {
            await handle(engine);
        }
    }

    // Long enough for a coordinator taking over to open its campaigns (it waits for two heartbeats first).
    private TimeSpan Patience => 3 * options.HeartbeatInterval + TimeSpan.FromSeconds(5);
}
