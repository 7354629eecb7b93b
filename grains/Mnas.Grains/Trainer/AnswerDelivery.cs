using Polly;
using Polly.Retry;

namespace Mnas.Grains.Trainer;

/// <summary>
/// How a worker sends what it must not lose (a result, a hand-back): again and again with exponential back-off while
/// the broker is unreachable, for up to twice the lease grace — the coordinator holds leases while it hears from no
/// worker, so a result that gets through after a broker restart still counts. Past that the answer is given up and
/// the child's lease decides.
/// </summary>
internal static class AnswerDelivery
{
    public static ResiliencePipeline Create(RuntimeOptions options, Action<Exception, int> onRetry) =>
        new ResiliencePipelineBuilder()
            .AddRetry(new RetryStrategyOptions
            {
                ShouldHandle = new PredicateBuilder().Handle<Exception>(e => e is not OperationCanceledException),
                MaxRetryAttempts = int.MaxValue,
                BackoffType = DelayBackoffType.Exponential,
                Delay = TimeSpan.FromMilliseconds(100),
                MaxDelay = TimeSpan.FromSeconds(2),
                UseJitter = true,
                OnRetry = args =>
                {
                    onRetry(args.Outcome.Exception!, args.AttemptNumber + 1);
                    return ValueTask.CompletedTask;
                },
            })
            .AddTimeout(2 * options.LeaseGrace)
            .Build();
}
