using Microsoft.Extensions.Hosting;

namespace VideoSearch.Cli.Hosting;

/// <summary>
/// The lifetime of every host the CLI builds: it does nothing itself. .NET's console lifetime would take SIGINT and
/// SIGTERM for itself and only ask the application to stop, while the command waits on its own token (which is how
/// <c>serve</c> once kept running after "Application is shutting down..."). Here <see cref="ShutdownSignals"/> owns
/// the signals and the command stops its host.
/// </summary>
internal sealed class CommandLifetime : IHostLifetime
{
    public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
