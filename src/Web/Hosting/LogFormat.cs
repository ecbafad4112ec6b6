namespace VideoSearch.Web.Hosting;

/// <summary>How the console log is written.</summary>
public enum LogFormat
{
    /// <summary>One plain line per event, for a person at a terminal: <c>12:04:31 info: Category[0] Message</c>.</summary>
    Plain,

    /// <summary>One JSON object per line, for a log collector.</summary>
    Json,
}
