using VideoSearch.Core.Catalog;
using VideoSearch.Core.Hub;
using VideoSearch.Search.Library;

namespace VideoSearch.Search.Tests;

public sealed class LibraryModelTests
{
    private static readonly ModelLocator s_offline = new(new HubOptions { Offline = true, CacheDirectory = Path.GetTempPath() });

    [Fact]
    public async Task ResolveAsync_RecordedFolderExists_ReturnsIt()
    {
        var state = new ModelState(TinyLibrary.KitFolder, "sha256:x", 40, 16, 40);
        Assert.Equal(TinyLibrary.KitFolder, await LibraryModel.ResolveAsync(state, null, s_offline, CancellationToken.None));
    }

    [Fact]
    public async Task ResolveAsync_RecordedFolderGone_ThrowsNamingIt()
    {
        var state = new ModelState("/no/such/model/folder", "sha256:x", 40, 16, 40);
        var e = await Assert.ThrowsAsync<ModelMismatchException>(() =>
            LibraryModel.ResolveAsync(state, null, s_offline, CancellationToken.None));
        Assert.Contains("/no/such/model/folder", e.Message);
    }

    [Fact]
    public void Matches_HubModelAtRecordedCommit_TrueElseFalse()
    {
        var state = new ModelState("microsoft/xclip-base-patch32", "abc123", 512, 49, 512);
        var same = new ResolvedModel("/cache/x", ModelSource.HuggingFaceCache, "microsoft/xclip-base-patch32", "main", "abc123");
        var other = same with { Commit = "def456" };
        Assert.True(LibraryModel.Matches(state, same));
        Assert.False(LibraryModel.Matches(state, other));
    }
}
