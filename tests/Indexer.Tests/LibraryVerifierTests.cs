using Microsoft.Data.Sqlite;
using VideoSearch.Core.Catalog;
using VideoSearch.Core.Vectors;
using VideoSearch.Core.Library;
using VideoSearch.Indexer.Verification;

namespace VideoSearch.Indexer.Tests;

public sealed class LibraryVerifierTests : IDisposable
{
    private readonly TestLibrary _library = TestLibrary.Create(["mp4_h264_aac_320x240.mp4", "no_audio_320x240.mp4"]);

    [Fact]
    public async Task VerifyAsync_FreshLibrary_IsConsistent()
    {
        await _library.IndexAsync();

        VerificationReport report = await _library.VerifyAsync();

        Assert.True(report.IsConsistent, string.Join(Environment.NewLine, report.Problems));
        Assert.Equal(2, report.IndexedVideos);
    }

    [Fact]
    public async Task VerifyAsync_IndexMissingAClip_ReportsIt()
    {
        await _library.IndexAsync();
        await IndexTampering.DropFirstClipAsync(_library);

        VerificationReport report = await _library.VerifyAsync();

        Assert.Contains(report.Problems, p => p.Contains("not in the vector index"));
    }

    [Fact]
    public async Task VerifyAsync_IndexHoldsAnotherClipsVector_ReportsThatClip()
    {
        await _library.IndexAsync();
        long id = await IndexTampering.SwapFirstClipVectorAsync(_library);

        VerificationReport report = await _library.VerifyAsync();

        string problem = Assert.Single(report.Problems);
        Assert.Contains($"another vector for clip {id} ", problem);
    }

    [Fact]
    public async Task VerifyAsync_IndexFileNeverWritten_IsConsistentWithANote()
    {
        await _library.IndexAsync();
        File.Delete(Path.Combine(_library.Database, LibraryVectorIndex.FileName));

        VerificationReport report = await _library.VerifyAsync();

        // Derived data not written yet (a full disk, a kill before the first save) loses nothing.
        Assert.True(report.IsConsistent, string.Join(Environment.NewLine, report.Problems));
        Assert.Contains(report.Notes!, n => n.Contains("not written yet") && n.Contains("clips"));
    }

    [Fact]
    public async Task VerifyAsync_DamagedIndexFile_ReportsIt()
    {
        await _library.IndexAsync();
        string path = Path.Combine(_library.Database, LibraryVectorIndex.FileName);
        byte[] bytes = File.ReadAllBytes(path);
        bytes[bytes.Length / 2] ^= 0xFF;
        File.WriteAllBytes(path, bytes);

        VerificationReport report = await _library.VerifyAsync();

        Assert.False(report.IsConsistent);
    }

    [Fact]
    public async Task VerifyAsync_NeverIndexedPendingVideoWithClips_ReportsItAsHalfWritten()
    {
        await _library.IndexAsync();
        // What a store cut in half would leave: the clips committed, the video still as the scan recorded it.
        await ExecuteAsync("UPDATE videos SET status = 'pending', indexed_at_ms = NULL WHERE relative_path = 'no_audio_320x240.mp4';");

        VerificationReport report = await _library.VerifyAsync();

        Assert.Contains(report.Problems, p => p.Contains("no_audio_320x240.mp4") && p.Contains("never indexed"));
    }

    [Fact]
    public async Task VerifyAsync_ChangedVideoKeepingItsLastClips_IsConsistent()
    {
        await _library.IndexAsync();
        // A changed file is pending again; the clips of its last indexed version stay searchable until replaced.
        await ExecuteAsync("UPDATE videos SET status = 'pending' WHERE relative_path = 'no_audio_320x240.mp4';");

        VerificationReport report = await _library.VerifyAsync();

        Assert.True(report.IsConsistent, string.Join(Environment.NewLine, report.Problems));
    }

    [Fact]
    public async Task VerifyAsync_NoCatalog_ReportsIt()
    {
        VerificationReport report = await LibraryVerifier.VerifyAsync(Path.Combine(_library.Directory, "empty"));

        Assert.Contains("No catalog", Assert.Single(report.Problems));
    }

    private async Task ExecuteAsync(string sql)
    {
        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = Path.Combine(_library.Database, SqliteCatalogDatabase.FileName),
            Pooling = false,
        }.ToString());
        await connection.OpenAsync();
        await using SqliteCommand command = connection.CreateCommand();
        command.CommandText = sql;
        Assert.Equal(1, await command.ExecuteNonQueryAsync());
    }

    public void Dispose() => _library.Dispose();
}
