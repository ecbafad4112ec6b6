using VideoSearch.Core.Media;

namespace VideoSearch.Indexer.Tests;

public sealed class IndexerOptionsTests
{
    [Fact]
    public void Problems_Defaults_NameMissingRootsAndDatabase()
    {
        IReadOnlyList<string> problems = new IndexerOptions().Problems();

        Assert.Contains(problems, p => p.Contains("Roots"));
        Assert.Contains(problems, p => p.Contains("DatabaseDirectory"));
    }

    [Fact]
    public void Problems_StrideLongerThanWindow_IsReported()
    {
        var options = new IndexerOptions { Roots = ["/media"], DatabaseDirectory = "/db", WindowSeconds = 2, StrideSeconds = 3 };

        Assert.Contains("StrideSeconds", Assert.Single(options.Problems()));
    }

    [Fact]
    public void Problems_ZeroEnvironmentRetryInterval_IsReported()
    {
        var options = new IndexerOptions { Roots = ["/media"], DatabaseDirectory = "/db", WatchEnvironmentRetryInterval = TimeSpan.Zero };

        Assert.Contains("WatchEnvironmentRetryInterval", Assert.Single(options.Problems()));
    }

    [Fact]
    public void Problems_ZeroBatchSize_IsReported()
    {
        var options = new IndexerOptions { Roots = ["/media"], DatabaseDirectory = "/db", BatchSize = 0 };

        Assert.Contains("BatchSize", Assert.Single(options.Problems()));
    }

    [Theory]
    [InlineData(MediaErrorKind.NoVideoStream, "no_video_stream")]
    [InlineData(MediaErrorKind.OutsideMediaRoot, "outside_media_root")]
    [InlineData(MediaErrorKind.Truncated, "truncated")]
    [InlineData(MediaErrorKind.ToolMissing, FailureKinds.ToolMissing)]
    [InlineData(MediaErrorKind.NotFound, FailureKinds.NotFound)]
    public void FailureKinds_MediaKind_IsSnakeCase(MediaErrorKind kind, string expected)
    {
        Assert.Equal(expected, FailureKinds.Of(kind));
    }
}
