using Npgsql;
using Polly;
using Polly.Retry;

namespace Mnas.Store.Postgres;

/// <summary>
/// Runs a whole transaction again after a transient failure (<see cref="TransientFailures"/>), with
/// exponential back-off: about 10 s in all, enough for a database restart. Before each new attempt
/// after a lost connection the pool is cleared, since its idle connections went down with it.
/// </summary>
internal static class TransactionRetry
{
    public static ResiliencePipeline Create(NpgsqlDataSource dataSource) =>
        new ResiliencePipelineBuilder()
            .AddRetry(new RetryStrategyOptions
            {
                ShouldHandle = new PredicateBuilder().Handle<Exception>(TransientFailures.IsTransient),
                MaxRetryAttempts = 10,
                BackoffType = DelayBackoffType.Exponential,
                Delay = TimeSpan.FromMilliseconds(50),
                MaxDelay = TimeSpan.FromSeconds(2),
                UseJitter = true,
                OnRetry = args =>
                {
                    if (args.Outcome.Exception is { } failure && !TransientFailures.KeepsConnection(failure))
                    {
                        dataSource.Clear();
                    }

                    return ValueTask.CompletedTask;
                },
            })
            .Build();
}
