using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;

namespace VideoSearch.Web.Hosting;

/// <summary>The console log of the project's hosts: plain single lines by default, JSON when asked, always on stderr.</summary>
public static class ConsoleLogging
{
    /// <summary>
    /// Writes the log to the console in <paramref name="format"/>: plain single lines with a local <c>HH:mm:ss</c>
    /// time and no scopes, or one JSON object per line with a UTC time. Every level goes to stderr, so stdout stays
    /// free for a command's output. Set after configuration is bound, so the format asked for here wins over
    /// <c>Logging:Console:FormatterName</c>; levels stay configurable (<c>Logging:LogLevel</c>).
    /// </summary>
    public static ILoggingBuilder AddVideoSearchConsole(this ILoggingBuilder builder, LogFormat format)
    {
        ArgumentNullException.ThrowIfNull(builder);
        // The formatters' options only: AddSimpleConsole and AddJsonConsole would each also pick their formatter.
        builder.Services.Configure<SimpleConsoleFormatterOptions>(o =>
        {
            o.SingleLine = true;
            o.IncludeScopes = false;
            o.TimestampFormat = "HH:mm:ss ";
            o.UseUtcTimestamp = false;
        });
        builder.Services.Configure<JsonConsoleFormatterOptions>(o =>
        {
            o.IncludeScopes = false;
            o.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ";
            o.UseUtcTimestamp = true;
        });
        builder.AddConsole(o =>
        {
            o.FormatterName = format == LogFormat.Json ? ConsoleFormatterNames.Json : ConsoleFormatterNames.Simple;
            o.LogToStandardErrorThreshold = LogLevel.Trace;
        });
        return builder;
    }
}
