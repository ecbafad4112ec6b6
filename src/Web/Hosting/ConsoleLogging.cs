using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;

namespace VideoSearch.Web.Hosting;

/// <summary>The console log of every VideoSearch host: plain single lines by default, JSON when asked, on standard error.</summary>
public static class ConsoleLogging
{
    /// <summary>Replaces the console providers with one in <paramref name="format"/>, writing to standard error.</summary>
    public static ILoggingBuilder AddVideoSearchConsole(this ILoggingBuilder builder, LogFormat format)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.ClearProviders();
        builder.AddConsole(o =>
        {
            o.FormatterName = format == LogFormat.Json ? ConsoleFormatterNames.Json : ConsoleFormatterNames.Simple;
            // Standard output is for results (search tables, JSON); every log line goes to standard error.
            o.LogToStandardErrorThreshold = LogLevel.Trace;
        });
        // The formatters' options are set directly: AddSimpleConsole/AddJsonConsole would each also pick the formatter.
        builder.Services.Configure<SimpleConsoleFormatterOptions>(o =>
        {
            o.SingleLine = true;
            o.IncludeScopes = false;
            o.TimestampFormat = "HH:mm:ss ";
        });
        builder.Services.Configure<JsonConsoleFormatterOptions>(o =>
        {
            o.IncludeScopes = false;
            o.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ";
            o.UseUtcTimestamp = true;
        });
        // A host that fails to start logs the exception with its stack; the command reports the failure itself, once.
        builder.AddFilter("Microsoft.Extensions.Hosting.Internal.Host", LogLevel.None);
        return builder;
    }
}
