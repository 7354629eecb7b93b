using Mnas.Host.Configuration;
using Mnas.Store.Postgres;

namespace Mnas.Host.Commands;

/// <summary>
/// When a process coordinates. With the postgres store: while it holds the store's coordinator lock, so that of all
/// the processes sharing the store (controllers and serve alike) one leads and the others stand by to take over.
/// With the sqlite store: for the whole run, as the file belongs to one machine.
/// </summary>
internal static class CoordinatorLeadership
{
    private const string LockRole = "coordinator";

    /// <summary>Runs <paramref name="lead"/> for each term of leadership, its token cancelled when the term ends, until <paramref name="stop"/>.</summary>
    /// <param name="role">Starts each line it prints (<c>controller</c>, <c>serve</c>).</param>
    public static async Task RunAsync(HostSettings settings, string role, Func<CancellationToken, Task> lead, CancellationToken stop)
    {
        LeadershipGauge.Publish();
        if (settings.Postgres is null)
        {
            await LeadAsync(lead, stop);
            return;
        }

        var leadership = new PostgresLeadership(settings.Postgres, LockRole);
        while (!stop.IsCancellationRequested)
        {
            Console.WriteLine($"{role}: standby, waiting to lead");
            LeadershipTerm term;
            try
            {
                term = await leadership.AcquireAsync(stop);
            }
            catch (OperationCanceledException)
            {
                break;
            }

            await using (term)
            {
                Console.WriteLine($"{role}: leading");
                using var during = CancellationTokenSource.CreateLinkedTokenSource(stop, term.Lost);
                await LeadAsync(lead, during.Token);
                Console.WriteLine(term.Lost.IsCancellationRequested ? $"{role}: lost the lead" : $"{role}: stepping down");
            }
        }
    }

    private static async Task LeadAsync(Func<CancellationToken, Task> lead, CancellationToken term)
    {
        LeadershipGauge.Began();
        try
        {
            await lead(term);
        }
        catch (OperationCanceledException) when (term.IsCancellationRequested)
        {
        }
        finally
        {
            LeadershipGauge.Ended();
        }
    }
}
