using System.Runtime.InteropServices;

namespace DrillRunner.Cli.Terminal;

/// <summary>
/// Ctrl+C and SIGTERM request an abort instead of killing the process, so the restore always runs. A second
/// Ctrl+C only repeats the warning: leaving mid-restore would leave staging broken.
/// </summary>
internal sealed class AbortSignal : IDisposable
{
    private readonly CancellationTokenSource _abort = new();
    private readonly PosixSignalRegistration[] _registrations;

    public AbortSignal(Action<string> say)
    {
        _registrations =
        [
            PosixSignalRegistration.Create(PosixSignal.SIGINT, c => Handle(c, say)),
            PosixSignalRegistration.Create(PosixSignal.SIGTERM, c => Handle(c, say)),
        ];
    }

    public CancellationToken Token => _abort.Token;

    public void Dispose()
    {
        foreach (var registration in _registrations)
        {
            registration.Dispose();
        }

        _abort.Dispose();
    }

    private void Handle(PosixSignalContext context, Action<string> say)
    {
        context.Cancel = true;
        if (_abort.IsCancellationRequested)
        {
            say("Abort already requested: restoring the environment; DrillRunner exits when everything is restored.");
            return;
        }

        _abort.Cancel();
        say($"{context.Signal}: aborting — injection stops now, then everything is restored.");
    }
}
