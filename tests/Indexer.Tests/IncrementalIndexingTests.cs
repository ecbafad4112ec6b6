using System.Text.Json.Nodes;
using VideoSearch.Core.Catalog;
using VideoSearch.Indexer.Progress;
using VideoSearch.Indexer.Verification;
using VideoSearch.TestSupport;

namespace VideoSearch.Indexer.Tests;

/// <summary>Later runs after the library changed: modified, deleted and moved files, and a different model.</summary>
public sealed class IncrementalIndexingTests : IDisposable
{
    private static readonly string[] s_files = ["no_audio_320x240.mp4", "rotated_phone_270.mp4", "nested/level1/level2/deep.mp4"];
    private readonly TestLibrary _library = TestLibrary.Create(s_files);

    private async Task AssertConsistentAsync()
    {
        VerificationReport report = await _library.VerifyAsync();
        Assert.True(report.IsConsistent, string.Join(Environment.NewLine, report.Problems));
    }

    [Fact]
    public async Task IndexAsync_ModifiedFile_IsReindexedAlone()
    {
        await _library.IndexAsync();
        VideoRecord before = (await _library.VideoAsync("no_audio_320x240.mp4"))!;
        File.Copy(Path.Combine(Fixtures.Media, "vfr_5_25_10fps.mp4"), _library.PathOf("no_audio_320x240.mp4"), overwrite: true);

        IndexingSummary summary = await _library.IndexAsync();

        VideoRecord after = (await _library.VideoAsync("no_audio_320x240.mp4"))!;
        Assert.Equal(1, summary.Indexed);
        Assert.Equal(2, summary.Unchanged);
        Assert.Equal(VideoStatus.Indexed, after.Status);
        Assert.Equal(before.Id, after.Id);
        Assert.NotEqual(before.File.Fingerprint, after.File.Fingerprint);
        Assert.Equal((await _library.ClipsByVideoAsync())["no_audio_320x240.mp4"].Count, summary.ClipsEmbedded);
        await AssertConsistentAsync();
    }

    [Fact]
    public async Task IndexAsync_DeletedFile_LeavesCatalogAndIndex()
    {
        await _library.IndexAsync();
        File.Delete(_library.PathOf("rotated_phone_270.mp4"));

        IndexingSummary summary = await _library.IndexAsync();

        Assert.Equal(1, summary.Removed);
        Assert.Equal(0, summary.ClipsEmbedded);
        Assert.Null(await _library.VideoAsync("rotated_phone_270.mp4"));
        Assert.False((await _library.ClipsByVideoAsync()).ContainsKey("rotated_phone_270.mp4"));
        await AssertConsistentAsync(); // the index holds exactly the catalog's clips, so the removed ones are gone
    }

    [Fact]
    public async Task IndexAsync_MovedFile_UpdatesPathWithoutReembedding()
    {
        await _library.IndexAsync();
        var clipsBefore = (await _library.ClipsByVideoAsync())["nested/level1/level2/deep.mp4"];
        VideoRecord before = (await _library.VideoAsync("nested/level1/level2/deep.mp4"))!;
        Directory.CreateDirectory(_library.PathOf("moved"));
        File.Move(_library.PathOf("nested/level1/level2/deep.mp4"), _library.PathOf("moved/deep renamed.mp4"));

        IndexingSummary summary = await _library.IndexAsync();

        VideoRecord after = (await _library.VideoAsync("moved/deep renamed.mp4"))!;
        Assert.Equal(1, summary.Moved);
        Assert.Equal(0, summary.ClipsEmbedded);
        Assert.Equal(before.Id, after.Id);
        Assert.Equal(before.IndexedAt, after.IndexedAt);
        Assert.Null(await _library.VideoAsync("nested/level1/level2/deep.mp4"));
        Assert.Equal(clipsBefore, (await _library.ClipsByVideoAsync())["moved/deep renamed.mp4"]);
        await AssertConsistentAsync();
    }

    [Fact]
    public async Task IndexAsync_ChangedModel_ReembedsEveryVideo()
    {
        string model = Path.Combine(_library.Directory, "model");
        Directory.CreateDirectory(model);
        foreach (string file in Directory.EnumerateFiles(TestLibrary.Model)) File.Copy(file, Path.Combine(model, Path.GetFileName(file)));
        IndexingSummary first = await _library.IndexAsync(model);
        // Same folder, other checkpoint settings: the config hash is part of the model's identity.
        string configPath = Path.Combine(model, "config.json");
        var config = JsonNode.Parse(File.ReadAllText(configPath))!;
        config["prompt_alpha"] = 0.2;
        File.WriteAllText(configPath, config.ToJsonString());

        IndexingSummary second = await _library.IndexAsync(model);

        Assert.Equal(s_files.Length, second.Indexed);
        Assert.Equal(first.Clips, second.ClipsEmbedded);
        using (var catalog = await VideoCatalog.OpenAsync(_library.Database))
        {
            ModelState state = (await catalog.Model.GetAsync())!;
            Assert.Equal(model, state.ModelId);
            Assert.True((await _library.VideosAsync()).All(v => v.Status == VideoStatus.Indexed));
        }
        await AssertConsistentAsync();
    }

    public void Dispose() => _library.Dispose();
}
