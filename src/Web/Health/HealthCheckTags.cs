namespace VideoSearch.Web.Health;

/// <summary>Tags that put a health check behind <c>/healthz</c> or <c>/readyz</c>.</summary>
public static class HealthCheckTags
{
    /// <summary>Checks behind <c>/healthz</c>: the process can answer at all.</summary>
    public const string Live = "live";

    /// <summary>Checks behind <c>/readyz</c>: the server can search (model loaded, catalog open, media folders present).</summary>
    public const string Ready = "ready";
}
