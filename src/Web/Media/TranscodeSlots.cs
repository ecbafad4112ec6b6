using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;
using VideoSearch.Web.Hosting;

namespace VideoSearch.Web.Media;

/// <summary>
/// The bound on transcodes running at once (<see cref="WebServerOptions.MaxConcurrentTranscodes"/>): a slot is taken
/// or refused at once, never waited for, so a transcode request is answered 503 rather than queued. Transcodes have
/// their own slots; search and the model's gates never see them.
/// </summary>
internal sealed class TranscodeSlots(IOptions<WebServerOptions> options) : IDisposable
{
    private readonly ConcurrencyLimiter _limiter = new(new ConcurrencyLimiterOptions
    {
        PermitLimit = options.Value.MaxConcurrentTranscodes,
        QueueLimit = 0,
    });

    /// <summary>A slot, or a lease that is not acquired when all are taken; dispose it when the transcode ends.</summary>
    public RateLimitLease TryTake() => _limiter.AttemptAcquire();

    public void Dispose() => _limiter.Dispose();
}
