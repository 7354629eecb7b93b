using System.Runtime.InteropServices;

namespace Mnas.Host.Commands;

/// <summary>
/// A long-running command's stop: cancelled by SIGTERM (as an orchestrator stops a process), by SIGINT (Ctrl+C) or by the
/// command's own cancellation, so the command can wind down instead of being ended mid-step.
/// </summary>
internal sealed class StopSignal : IDisposable
{
    private readonly CancellationTokenSource stop;
    private readonly PosixSignalRegistration term;
    private readonly PosixSignalRegistration interrupt;

    public StopSignal(CancellationToken cancellation)
    {
        stop = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        term = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);
        // The command line's own Ctrl+C handling does not reach a command that runs until stopped: handled here too.
        interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
    }

    public CancellationToken Token => stop.Token;

    private void Stop(PosixSignalContext context)
    {
        context.Cancel = true;
        stop.Cancel();
    }

    public void Dispose()
    {
        interrupt.Dispose();
        term.Dispose();
        stop.Dispose();
    }
}
