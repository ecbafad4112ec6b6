using VideoSearch.Indexer.Progress;
using VideoSearch.Core.Library;
using VideoSearch.Indexer.Verification;

namespace VideoSearch.Indexer.Tests;

/// <summary>The catalog is the source of truth: the next run repairs a lagging, stale or lost index file without re-embedding.</summary>
public sealed class VectorIndexRecoveryTests : IDisposable
{
    private readonly TestLibrary _library = TestLibrary.Create(["webm_vp9_opus_320x240.webm", "nested/level1/level2/deep.mp4"]);

    private async Task AssertRepairedAsync(IndexingSummary summary)
    {
        Assert.Equal(0, summary.ClipsEmbedded);
        VerificationReport report = await _library.VerifyAsync();
        Assert.True(report.IsConsistent, string.Join(Environment.NewLine, report.Problems));
    }

    [Fact]
    public async Task IndexAsync_IndexLacksACatalogClip_AddsItBack()
    {
        await _library.IndexAsync();
        await IndexTampering.DropFirstClipAsync(_library);

        await AssertRepairedAsync(await _library.IndexAsync());
    }

    [Fact]
    public async Task IndexAsync_IndexFileDeleted_RebuildsItFromTheCatalog()
    {
        await _library.IndexAsync();
        File.Delete(Path.Combine(_library.Database, LibraryVectorIndex.FileName));

        await AssertRepairedAsync(await _library.IndexAsync());
    }

    [Fact]
    public async Task IndexAsync_LegacyIdListLeftOver_DeletesItAndKeepsTheIndex()
    {
        await _library.IndexAsync();
        string legacy = Path.Combine(_library.Database, LibraryVectorIndex.LegacyIdsFileName);
        File.WriteAllBytes(legacy, [1, 2, 3]);
        DateTime saved = File.GetLastWriteTimeUtc(Path.Combine(_library.Database, LibraryVectorIndex.FileName));

        await AssertRepairedAsync(await _library.IndexAsync());
        Assert.False(File.Exists(legacy));
        Assert.Equal(saved, File.GetLastWriteTimeUtc(Path.Combine(_library.Database, LibraryVectorIndex.FileName)));
    }

    public void Dispose() => _library.Dispose();
}
