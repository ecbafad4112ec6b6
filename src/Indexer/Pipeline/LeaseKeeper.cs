using Microsoft.Extensions.Logging;
using VideoSearch.Core.Catalog;

namespace VideoSearch.Indexer.Pipeline;

/// <summary>
/// Renews this process's video leases while a pipeline runs (every third of the lease, so two renewals can fail before
/// one runs out), and gives back the leases still held when it stops, so that other indexers need not wait for them.
/// </summary>
internal sealed class LeaseKeeper : IAsyncDisposable
{
    private static readonly TimeSpan ReleaseTimeout = TimeSpan.FromSeconds(5);

    private readonly VideoClaimRepository _claims;
    private readonly ILogger _logger;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _renewing;

    public LeaseKeeper(VideoClaimRepository claims, TimeSpan lease, ILogger logger)
    {
        _claims = claims;
        _logger = logger;
        _renewing = RenewAsync(lease, _stop.Token);
    }

    private async Task RenewAsync(TimeSpan lease, CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(lease / 3);
        bool failing = false;
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken).ConfigureAwait(false))
            {
                try
                {
                    await _claims.RenewAsync(lease, cancellationToken).ConfigureAwait(false);
                    if (failing) _logger.LogInformation("Video leases renewed again");
                    failing = false;
                }
                catch (CatalogException e)
                {
                    // The writes fail too and say so; this only warns that the leases may run out meanwhile.
                    if (!failing) _logger.LogWarning("Could not renew the video leases: {Reason}", e.Message);
                    failing = true;
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Stopped.
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        await _renewing.ConfigureAwait(false);
        _stop.Dispose();
        try
        {
            using var timeout = new CancellationTokenSource(ReleaseTimeout);
            int released = await _claims.ReleaseAsync(timeout.Token).ConfigureAwait(false);
            if (released > 0) _logger.LogInformation("Gave back the leases of {VideoCount} unfinished videos", released);
        }
        catch (Exception e) when (e is CatalogException or OperationCanceledException)
        {
            // They run out on their own, and another indexer takes the videos then.
            _logger.LogWarning("Could not give back the video leases (they run out on their own): {Reason}", e.Message);
        }
    }
}
