using System.Runtime.InteropServices;

namespace VideoSearch.Cli;

/// <summary>
/// The process's one handler of SIGINT (Ctrl+C) and SIGTERM (what systemd and container runtimes send). The first
/// signal cancels <see cref="Token"/>, which every command and host stops on; a second one is left to the system's
/// default action, so a stuck shutdown can still be ended from the keyboard. Hosts built here run without .NET's
/// console lifetime, so nothing else takes the signal and waits on its own.
/// </summary>
internal sealed class ShutdownSignals : IDisposable
{
    private static ShutdownSignals? s_current;

    private readonly CancellationTokenSource _stop = new();
    private readonly PosixSignalRegistration[] _registrations;
    private int _received;

    private ShutdownSignals()
    {
        _registrations =
        [
            PosixSignalRegistration.Create(PosixSignal.SIGINT, OnSignal),
            PosixSignalRegistration.Create(PosixSignal.SIGTERM, OnSignal),
        ];
    }

    /// <summary>Cancelled on the first SIGINT or SIGTERM.</summary>
    public CancellationToken Token => _stop.Token;

    /// <summary>The signal that stopped the process, or null when none has arrived.</summary>
    public PosixSignal? Received => Volatile.Read(ref _received) switch
    {
        0 => null,
        int raw => (PosixSignal)raw,
    };

    /// <summary>Registers the handlers for this process (once, in <c>Program</c>).</summary>
    public static ShutdownSignals Register()
    {
        var signals = new ShutdownSignals();
        s_current = signals;
        return signals;
    }

    /// <summary>
    /// The exit code of a command that was stopped before its work was done: 143 after SIGTERM, otherwise 130 (Ctrl+C,
    /// or a cancellation without a signal).
    /// </summary>
    public static int StoppedExitCode() =>
        s_current?.Received == PosixSignal.SIGTERM ? ExitCodes.Terminated : ExitCodes.Interrupted;

    private void OnSignal(PosixSignalContext context)
    {
        if (Interlocked.CompareExchange(ref _received, (int)context.Signal, 0) != 0) return;
        context.Cancel = true;
        Console.Error.WriteLine(context.Signal == PosixSignal.SIGINT
            ? "Stopping (Ctrl+C again to force)..."
            : "Stopping (SIGTERM)...");
        _stop.Cancel();
    }

    /// <summary>Removes the handlers.</summary>
    public void Dispose()
    {
        foreach (PosixSignalRegistration registration in _registrations) registration.Dispose();
        _stop.Dispose();
        if (ReferenceEquals(s_current, this)) s_current = null;
    }
}
