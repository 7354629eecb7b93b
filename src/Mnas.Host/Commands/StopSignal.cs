using System.Runtime.InteropServices;

namespace Mnas.Host.Commands;

/// <summary>
/// A long-running command's stop: cancelled by SIGTERM (as an orchestrator stops a process) or by the command's own
/// cancellation (Ctrl+C), so the command can wind down instead of being ended mid-step.
/// </summary>
internal sealed class StopSignal : IDisposable
{
    private readonly CancellationTokenSource stop;
    private readonly PosixSignalRegistration term;

    public StopSignal(CancellationToken cancellation)
    {
        stop = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        term = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context =>
        {
            context.Cancel = true;
            stop.Cancel();
        });
    }

    public CancellationToken Token => stop.Token;

    public void Dispose()
    {
        term.Dispose();
        stop.Dispose();
    }
}
