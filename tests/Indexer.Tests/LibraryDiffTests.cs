using VideoSearch.Core.Catalog;
using VideoSearch.Indexer.Diff;
using VideoSearch.Indexer.Scanning;

namespace VideoSearch.Indexer.Tests;

public sealed class LibraryDiffTests
{
    private const string Root = "/library";
    private readonly Dictionary<string, FileIdentity> _disk = [];
    private readonly List<string> _fingerprinted = [];

    private ScannedFile OnDisk(string name, long size, long mtime, string fingerprint)
    {
        var file = new ScannedFile(Root, name, Path.Join(Root, name), size, mtime);
        _disk[file.FullPath] = new FileIdentity(size, mtime, fingerprint);
        return file;
    }

    private static VideoFileState Known(long id, string name, long size, long mtime, string fingerprint,
        VideoStatus status = VideoStatus.Indexed, string? errorKind = null) =>
        new(new VideoId(id), new RootId(1), Path.Join(Root, name), new FileIdentity(size, mtime, fingerprint), status,
            status == VideoStatus.Failed ? errorKind ?? "truncated" : null);

    private Task<LibraryChanges> DiffAsync(IEnumerable<ScannedFile> files, params VideoFileState[] known) =>
        DiffAsync(files, new EnvironmentRetry(firstPass: true, toolsFound: true), known);

    private Task<LibraryChanges> DiffAsync(IEnumerable<ScannedFile> files, EnvironmentRetry retry, params VideoFileState[] known) =>
        LibraryDiff.ComputeAsync([new ScanResult(Root, files.ToList(), [])], known, (path, _) =>
        {
            _fingerprinted.Add(path);
            return Task.FromResult(_disk[path]);
        }, retry.ShouldRetry, CancellationToken.None);

    [Fact]
    public async Task ComputeAsync_UnknownFile_IsNew()
    {
        LibraryChanges changes = await DiffAsync([OnDisk("a.mp4", 10, 1, "fa")]);

        Assert.Equal("a.mp4", Assert.Single(changes.New).File.RelativePath);
        Assert.Empty(changes.Moved);
    }

    [Fact]
    public async Task ComputeAsync_SameSizeAndTime_IsUnchangedWithoutReadingTheFile()
    {
        LibraryChanges changes = await DiffAsync([OnDisk("a.mp4", 10, 1, "fa")], Known(1, "a.mp4", 10, 1, "fa"));

        Assert.Single(changes.Unchanged);
        Assert.True(changes.IsEmpty);
        Assert.Empty(_fingerprinted);
    }

    [Fact]
    public async Task ComputeAsync_NewContent_IsChanged()
    {
        LibraryChanges changes = await DiffAsync([OnDisk("a.mp4", 12, 2, "fb")], Known(1, "a.mp4", 10, 1, "fa"));

        var changed = Assert.Single(changes.Changed);
        Assert.Equal("fb", changed.Identity.Fingerprint);
    }

    [Fact]
    public async Task ComputeAsync_TouchedButIdentical_IsUnchanged()
    {
        LibraryChanges changes = await DiffAsync([OnDisk("a.mp4", 10, 5, "fa")], Known(1, "a.mp4", 10, 1, "fa"));

        Assert.Single(changes.Unchanged);
        Assert.Empty(changes.Changed);
    }

    [Fact]
    public async Task ComputeAsync_SameContentUnderNewPath_IsMovedNotDeleted()
    {
        LibraryChanges changes = await DiffAsync([OnDisk("sub/b.mp4", 10, 1, "fa")], Known(7, "a.mp4", 10, 1, "fa"));

        var moved = Assert.Single(changes.Moved);
        Assert.Equal(new VideoId(7), moved.Video.Id);
        Assert.Equal("sub/b.mp4", moved.File.RelativePath);
        Assert.Empty(changes.New);
        Assert.Empty(changes.Deleted);
    }

    [Fact]
    public async Task ComputeAsync_CopyBesideAnExistingFile_IsNewNotMoved()
    {
        LibraryChanges changes = await DiffAsync([OnDisk("a.mp4", 10, 1, "fa"), OnDisk("copy.mp4", 10, 1, "fa")],
            Known(1, "a.mp4", 10, 1, "fa"));

        Assert.Equal("copy.mp4", Assert.Single(changes.New).File.RelativePath);
        Assert.Empty(changes.Moved);
    }

    [Fact]
    public async Task ComputeAsync_MissingFile_IsDeleted()
    {
        LibraryChanges changes = await DiffAsync([], Known(3, "gone.mp4", 10, 1, "fg"));

        Assert.Equal(new VideoId(3), Assert.Single(changes.Deleted).Id);
    }

    [Fact]
    public async Task ComputeAsync_FailedAndUnchanged_IsNotRetried()
    {
        LibraryChanges changes = await DiffAsync([OnDisk("bad.mp4", 10, 1, "fx")],
            Known(4, "bad.mp4", 10, 1, "fx", VideoStatus.Failed));

        Assert.Single(changes.FailedUnchanged);
        Assert.True(changes.IsEmpty);
    }

    [Fact]
    public async Task ComputeAsync_FailedThenChanged_IsRetried()
    {
        LibraryChanges changes = await DiffAsync([OnDisk("bad.mp4", 20, 2, "fy")],
            Known(4, "bad.mp4", 10, 1, "fx", VideoStatus.Failed));

        Assert.Single(changes.Changed);
        Assert.Empty(changes.FailedUnchanged);
    }

    [Fact]
    public async Task ComputeAsync_EnvironmentFailureUnchangedOnFirstPass_IsRetried()
    {
        LibraryChanges changes = await DiffAsync([OnDisk("a.mp4", 10, 1, "fa")],
            Known(4, "a.mp4", 10, 1, "fa", VideoStatus.Failed, "tool_missing"));

        Assert.Equal(new VideoId(4), Assert.Single(changes.Retry).Video.Id);
        Assert.Empty(changes.FailedUnchanged);
        Assert.False(changes.IsEmpty);
        Assert.Empty(_fingerprinted);
    }

    [Fact]
    public async Task ComputeAsync_ToolMissingWhileToolsStillMissing_WaitsNotFailedForGood()
    {
        LibraryChanges changes = await DiffAsync([OnDisk("a.mp4", 10, 1, "fa")],
            new EnvironmentRetry(firstPass: false, toolsFound: false),
            Known(4, "a.mp4", 10, 1, "fa", VideoStatus.Failed, "tool_missing"));

        Assert.Single(changes.EnvironmentWaiting);
        Assert.Empty(changes.Retry);
        Assert.Empty(changes.FailedUnchanged);
    }

    [Fact]
    public async Task ComputeAsync_FileFailureUnchangedOnFirstPass_IsNotRetried()
    {
        LibraryChanges changes = await DiffAsync([OnDisk("bad.mp4", 10, 1, "fx")],
            Known(4, "bad.mp4", 10, 1, "fx", VideoStatus.Failed, "no_video_stream"));

        Assert.Single(changes.FailedUnchanged);
        Assert.Empty(changes.Retry);
        Assert.True(changes.IsEmpty);
    }

    [Fact]
    public async Task ComputeAsync_EnvironmentFailureMoved_IsMovedAndRetried()
    {
        LibraryChanges changes = await DiffAsync([OnDisk("sub/b.mp4", 10, 1, "fa")],
            Known(7, "a.mp4", 10, 1, "fa", VideoStatus.Failed, "internal_error"));

        Assert.Single(changes.Moved);
        Assert.Equal("sub/b.mp4", Assert.Single(changes.Retry).File.RelativePath);
    }

    [Fact]
    public async Task ComputeAsync_PendingAndUnchanged_IsUnfinished()
    {
        LibraryChanges changes = await DiffAsync([OnDisk("a.mp4", 10, 1, "fa")],
            Known(5, "a.mp4", 10, 1, "fa", VideoStatus.Pending));

        Assert.Equal(new VideoId(5), Assert.Single(changes.Unfinished).Video.Id);
    }
}
