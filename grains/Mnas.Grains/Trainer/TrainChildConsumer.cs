using MassTransit;
using Mnas.Grains.Contracts;

namespace Mnas.Grains.Trainer;

/// <summary>The trainer actor: takes one train request at a time per worker slot, runs it, and answers.</summary>
public sealed class TrainChildConsumer(IChildRunner runner) : IConsumer<TrainChild>
{
    public async Task Consume(ConsumeContext<TrainChild> context)
    {
        var request = context.Message;
        await context.Publish(new ChildStarted(request.CampaignId, request.Sequence, request.Attempt));
        var result = await runner.RunAsync(request, context.CancellationToken);
        await context.Publish(result);
    }
}
