using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;
using Microsoft.Extensions.Options;
using VideoSearch.Web.Hosting;

namespace VideoSearch.Web.Tests.Hosting;

public sealed class ConsoleLoggingTests
{
    private const string RequestLog = "Microsoft.AspNetCore.HttpLogging.HttpLoggingMiddleware";

    [Fact]
    public void AddVideoSearchConsole_Plain_SingleLinesWithShortTimeOnStderr()
    {
        using var services = new ServiceCollection().AddLogging(b => b.AddVideoSearchConsole(LogFormat.Plain)).BuildServiceProvider();

        var console = services.GetRequiredService<IOptions<ConsoleLoggerOptions>>().Value;
        var simple = services.GetRequiredService<IOptionsMonitor<SimpleConsoleFormatterOptions>>().CurrentValue;
        Assert.Equal(ConsoleFormatterNames.Simple, console.FormatterName);
        Assert.Equal(LogLevel.Trace, console.LogToStandardErrorThreshold);
        Assert.True(simple.SingleLine);
        Assert.False(simple.IncludeScopes);
        Assert.Equal("HH:mm:ss ", simple.TimestampFormat);
    }

    [Fact]
    public void AddVideoSearchConsole_Json_UsesTheJsonFormatter()
    {
        using var services = new ServiceCollection().AddLogging(b => b.AddVideoSearchConsole(LogFormat.Json)).BuildServiceProvider();

        Assert.Equal(ConsoleFormatterNames.Json, services.GetRequiredService<IOptions<ConsoleLoggerOptions>>().Value.FormatterName);
    }

    [Fact]
    public async Task Build_ShippedSettings_RequestLogOffAndPlainConsole()
    {
        // The test output folder holds the CLI's appsettings.json, the settings `serve` ships with.
        await using var app = VideoSearchWebApplication.Build([], b => b.Logging.AddVideoSearchConsole(LogFormat.Plain));

        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger(RequestLog);
        Assert.False(logger.IsEnabled(LogLevel.Information));
        Assert.True(logger.IsEnabled(LogLevel.Warning));
        Assert.Equal(ConsoleFormatterNames.Simple, app.Services.GetRequiredService<IOptions<ConsoleLoggerOptions>>().Value.FormatterName);
    }

    [Fact]
    public async Task Build_RequestLogSwitchedOnInConfiguration_LogsEachRequest()
    {
        await using var app = VideoSearchWebApplication.Build([$"--Logging:LogLevel:{RequestLog}=Information"], b => b.Logging.AddVideoSearchConsole(LogFormat.Json));

        Assert.True(app.Services.GetRequiredService<ILoggerFactory>().CreateLogger(RequestLog).IsEnabled(LogLevel.Information));
        Assert.Equal(ConsoleFormatterNames.Json, app.Services.GetRequiredService<IOptions<ConsoleLoggerOptions>>().Value.FormatterName);
    }
}
