using VideoSearch.Cli.Tests.Support;

namespace VideoSearch.Cli.Tests.Shared;

/// <summary>
/// Setting flags reach <c>index</c> like any other command, wherever they stand: its folder argument takes every
/// token that is no option, so <c>--Indexer:LeaseDuration=…</c> must be told from a folder. A lease below the allowed
/// 2 s shows that the value arrived (exit 2 naming the setting), where a flag taken for a folder would say "not found".
/// </summary>
public sealed class IndexSettingFlagTests : IDisposable
{
    private const int UsageCode = 2;
    private static readonly TimeSpan s_limit = TimeSpan.FromSeconds(60);
    private readonly TempLibrary _library = TempLibrary.Create("three_frames_320x240.mp4");

    [Theory]
    [InlineData("--Indexer:LeaseDuration=00:00:01")]
    [InlineData("--Indexer:LeaseDuration", "00:00:01")]
    public async Task Index_LeaseSettingAfterTheFolder_ReachesTheIndexerOptions(params string[] setting)
    {
        (int code, string output) = await CliProcess.RunAsync(_library.IndexArguments(setting), s_limit);

        Assert.True(code == UsageCode, $"exit code {code}, expected {UsageCode}:\n{output}");
        Assert.Contains("Indexer:LeaseDuration must be 2 s to 24 h, got 00:00:01", output, StringComparison.Ordinal);
        Assert.DoesNotContain("not found", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Index_SettingBeforeTheFolder_IsASettingAndTheFolderIsIndexed()
    {
        (int code, string output) = await CliProcess.RunAsync(
            ["index", "--Indexer:LeaseDuration=00:00:05", _library.Media, "--db", _library.Database, "--model", TempLibrary.Model], s_limit);

        Assert.True(code == 0, $"exit code {code}:\n{output}");
        Assert.Equal(1, _library.Counts().Indexed);
    }

    [Fact]
    public async Task Index_OnlySettingsNoFolder_Exits2AskingForAFolder()
    {
        (int code, string output) = await CliProcess.RunAsync(
            ["index", "--Indexer:LeaseDuration=00:00:05", "--db", _library.Database, "--model", TempLibrary.Model], s_limit);

        Assert.True(code == UsageCode, $"exit code {code}, expected {UsageCode}:\n{output}");
        Assert.Contains("Name at least one folder of videos to index", output, StringComparison.Ordinal);
    }

    public void Dispose() => _library.Dispose();
}
