using Microsoft.Extensions.Diagnostics.HealthChecks;
using VideoSearch.Web.Library;

namespace VideoSearch.Web.Health;

/// <summary>Ready when every configured media folder exists (an unmounted disk makes every video unplayable).</summary>
internal sealed class MediaFoldersHealthCheck(IMediaLibrary library) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var roots = library.MediaRoots;
        if (roots.Count == 0) return Task.FromResult(HealthCheckResult.Unhealthy("No media folders are configured."));
        var missing = roots.Where(r => !Directory.Exists(r)).ToList();
        return Task.FromResult(missing.Count == 0
            ? HealthCheckResult.Healthy($"{roots.Count} media folder(s) present.")
            : HealthCheckResult.Unhealthy($"{missing.Count} of {roots.Count} media folder(s) missing."));
    }
}
