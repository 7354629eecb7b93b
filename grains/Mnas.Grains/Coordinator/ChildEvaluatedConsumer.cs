using MassTransit;
using Mnas.Grains.Contracts;

namespace Mnas.Grains.Coordinator;

/// <summary>Routes trainers' messages to the coordinator of their campaign (ignored when it does not run here).</summary>
public sealed class ChildEvaluatedConsumer(CampaignRegistry registry) : IConsumer<ChildEvaluated>, IConsumer<ChildStarted>
{
    public Task Consume(ConsumeContext<ChildEvaluated> context) =>
        registry.Find(context.Message.CampaignId)?.OnEvaluatedAsync(context.Message, context.CancellationToken) ?? Task.CompletedTask;

    public Task Consume(ConsumeContext<ChildStarted> context) =>
        registry.Find(context.Message.CampaignId)?.OnStartedAsync(context.Message, context.CancellationToken) ?? Task.CompletedTask;
}
