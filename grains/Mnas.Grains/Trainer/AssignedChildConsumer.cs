using MassTransit;
using Mnas.Grains.Contracts;

namespace Mnas.Grains.Trainer;

/// <summary>
/// Takes a child assigned to this worker: it starts in the background and the message is acknowledged at once, so no
/// delivery stays unacknowledged while a child trains for hours. With no free slot it hands the child straight back; an
/// assignment delivered again while its attempt runs here is dropped (handing it back would end the running one's lease).
/// </summary>
public sealed class AssignedChildConsumer(WorkerAgent agent) : IConsumer<TrainChild>
{
    public Task Consume(ConsumeContext<TrainChild> context) =>
        agent.TryAccept(context.Message) != Assignment.Refused || agent.Killed
            ? Task.CompletedTask
            : context.Publish(new ChildReleased(context.Message.CampaignId, context.Message.Sequence, context.Message.Attempt, agent.Id,
                "the worker has no free slot"));
}
