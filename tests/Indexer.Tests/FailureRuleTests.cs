using Microsoft.Data.Sqlite;
using VideoSearch.Core.Catalog;
using VideoSearch.Core.Errors;
using VideoSearch.Core.Media;
using VideoSearch.Indexer.Diff;

namespace VideoSearch.Indexer.Tests;

/// <summary>The rule that tells the file's failures from the machine's, and when the machine's are retried.</summary>
public sealed class FailureRuleTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("vs-failure-").FullName;

    [Theory]
    [InlineData(MediaErrorKind.ToolMissing, FailureCause.Environment)]
    [InlineData(MediaErrorKind.NotFound, FailureCause.Environment)]
    [InlineData(MediaErrorKind.EmptyFile, FailureCause.File)]
    [InlineData(MediaErrorKind.NotAMediaFile, FailureCause.File)]
    [InlineData(MediaErrorKind.CorruptContainer, FailureCause.File)]
    [InlineData(MediaErrorKind.NoVideoStream, FailureCause.File)]
    [InlineData(MediaErrorKind.Truncated, FailureCause.File)]
    [InlineData(MediaErrorKind.OutsideMediaRoot, FailureCause.File)]
    [InlineData(MediaErrorKind.Timeout, FailureCause.File)]
    [InlineData(MediaErrorKind.DecodeFailed, FailureCause.File)]
    public void CauseOf_MediaErrorKind_IsTheDocumentedCause(MediaErrorKind kind, FailureCause expected)
    {
        Assert.Equal(expected, FailureKinds.CauseOf(FailureKinds.Of(kind)));
    }

    [Fact]
    public void CauseOf_EveryMediaErrorKind_IsCoveredByTheTheory()
    {
        // A new media error kind must be placed on one side on purpose (and added above).
        Assert.Equal(10, Enum.GetValues<MediaErrorKind>().Length);
    }

    [Theory]
    [InlineData(FailureKinds.Internal, nameof(RetryTrigger.NextStart))]
    [InlineData(FailureKinds.Catalog, nameof(RetryTrigger.NextStart))]
    [InlineData(FailureKinds.Unreadable, nameof(RetryTrigger.FileReadable))]
    [InlineData(FailureKinds.IoError, nameof(RetryTrigger.FileReadable))]
    [InlineData("tool_missing", nameof(RetryTrigger.ToolsFound))]
    [InlineData("some_future_kind", nameof(RetryTrigger.FileChanges))]
    [InlineData(null, nameof(RetryTrigger.FileChanges))]
    public void RetryTriggerOf_IndexerKinds_AreTheDocumentedTriggers(string? kind, string expected)
    {
        // The trigger's name, as the enum is internal and cannot be a public test method's parameter type.
        Assert.Equal(Enum.Parse<RetryTrigger>(expected), FailureKinds.RetryTriggerOf(kind));
    }

    [Fact]
    public void ShouldRetry_FirstPass_RetriesEveryEnvironmentFailureButNoFileFailure()
    {
        var rule = new EnvironmentRetry(firstPass: true, toolsFound: false);

        Assert.True(rule.ShouldRetry(Failed("tool_missing")));
        Assert.True(rule.ShouldRetry(Failed(FailureKinds.Internal)));
        Assert.True(rule.ShouldRetry(Failed("not_found", "/nonexistent/a.mp4")));
        Assert.False(rule.ShouldRetry(Failed("truncated")));
    }

    [Fact]
    public void ShouldRetry_LaterPass_RetriesOnlyWhenTheCauseIsSeenGone()
    {
        string readable = Path.Combine(_folder, "a.mp4");
        File.WriteAllBytes(readable, [1, 2, 3]);
        var withTools = new EnvironmentRetry(firstPass: false, toolsFound: true);
        var withoutTools = new EnvironmentRetry(firstPass: false, toolsFound: false);

        Assert.True(withTools.ShouldRetry(Failed("tool_missing")));
        Assert.False(withoutTools.ShouldRetry(Failed("tool_missing")));
        Assert.True(withoutTools.ShouldRetry(Failed(FailureKinds.Unreadable, readable)));
        Assert.False(withoutTools.ShouldRetry(Failed(FailureKinds.Unreadable, Path.Combine(_folder, "missing.mp4"))));
        Assert.False(withTools.ShouldRetry(Failed(FailureKinds.Internal)));
        Assert.False(withTools.ShouldRetry(Failed("no_video_stream", readable)));
    }

    [Fact]
    public void IsUnwritable_RealNoSpaceLeftOnDevice_IsDiskFull()
    {
        // /dev/full answers every write with ENOSPC, exactly as a full disk does.
        IOException full = Assert.ThrowsAny<IOException>(() => File.WriteAllBytes("/dev/full", new byte[4096]));

        Assert.True(StorageFailures.IsUnwritable(full));
        Assert.True(StorageFailures.IsDiskFull(full));
        LibraryUnwritableException error = StorageFailures.Unwritable("/data/library", full);
        Assert.Equal(ErrorKind.Environment, error.Kind);
        Assert.True(error.DiskFull);
        Assert.Contains("disk is full", error.Message);
    }

    [Fact]
    public void IsUnwritable_SqliteFullWrappedInCatalogException_IsDiskFull()
    {
        var sqlite = new SqliteException("SQLite Error 13: 'database or disk is full'.", SQLitePCL.raw.SQLITE_FULL);
        var wrapped = new CatalogException("/data/library/catalog.db", "Storing the clips of 'a.mp4' failed", sqlite);

        Assert.True(StorageFailures.IsUnwritable(wrapped));
        Assert.True(StorageFailures.IsDiskFull(wrapped));
    }

    [Fact]
    public void Unwritable_SharedCatalogServerLost_SpeaksOfTheServerNotTheLibraryFolder()
    {
        var lost = CatalogStorageException.OfServer(CatalogStorageReason.ServerUnavailable, "postgresql://vs@db:5432/videos",
            "Attempted to read past the end of the stream.");
        var wrapped = new InvalidOperationException("the pipeline stopped", lost);

        LibraryUnwritableException shared = StorageFailures.Unwritable("/data/library", wrapped, sharedCatalog: true);
        LibraryUnwritableException local = StorageFailures.Unwritable("/data/library", wrapped);

        Assert.Equal(lost.Message, shared.Message);
        Assert.Contains("database server cannot be reached", shared.Message);
        Assert.Equal(ErrorKind.Environment, shared.Kind);
        Assert.StartsWith("The library in /data/library cannot be written", local.Message);
    }

    [Fact]
    public void IsUnwritable_CatalogRefusingData_IsNotTheMachines()
    {
        var refused = new CatalogException("/data/library/catalog.db", "Clip 3 of 'a.mp4' has a non-finite embedding value");
        var busy = new SqliteException("SQLite Error 5: 'database is locked'.", SQLitePCL.raw.SQLITE_BUSY);

        Assert.False(StorageFailures.IsUnwritable(refused));
        Assert.False(StorageFailures.IsUnwritable(busy));
        Assert.False(StorageFailures.IsUnwritable(new MediaToolsMissingException(["ffmpeg is not on PATH"])));
    }

    private static VideoFileState Failed(string kind, string path = "/library/a.mp4") =>
        new(new VideoId(1), new RootId(1), path, new FileIdentity(3, 1, "f"), VideoStatus.Failed, kind);

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
