namespace VideoSearch.Web.Hosting;

/// <summary>How console logs are written.</summary>
public enum LogFormat
{
    /// <summary>One plain line per entry, for a person at a terminal.</summary>
    Plain,

    /// <summary>One JSON object per line, for log collectors.</summary>
    Json,
}
