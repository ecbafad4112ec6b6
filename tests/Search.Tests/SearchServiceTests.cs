using VideoSearch.Core.Catalog;
using VideoSearch.Search.Contracts;

namespace VideoSearch.Search.Tests;

[Collection(TinyLibraryCollection.Name)]
public sealed class SearchServiceTests(TinyLibrary library)
{
    private const string Query = "a dog running on the beach";

    private async Task<SearchResponse> Search(SearchFilters? filters, int top = 100) =>
        await library.Service().SearchAsync(new SearchRequest(Query, top, 0, filters), CancellationToken.None);

    [Fact]
    public async Task SearchAsync_NoFilters_EveryVideoOnceWithAllItsCandidateClips()
    {
        var response = await Search(null);
        Assert.Equal(TinyLibrary.Videos.Length, response.TotalVideos);
        Assert.Equal(library.Clips.Count, response.Videos.Sum(v => v.AllClips().Count));
        foreach (var video in response.Videos)
        {
            Assert.Equal(library.VideoPaths[video.VideoId], video.Path);
            Assert.Equal(video.Moments[0].Score, video.Score);
            Assert.All(video.AllClips(), c => Assert.Equal(video.VideoId, library.Clips[c.ClipId].VideoId));
        }
        Assert.True(response.Timings.EncodeMs > 0 && response.Timings.RerankMs > 0);
    }

    [Fact]
    public async Task SearchAsync_OffsetAndTop_PagesTheSameRanking()
    {
        var all = await Search(null);
        var page = await library.Service().SearchAsync(new SearchRequest(Query, Top: 2, Offset: 1), CancellationToken.None);
        Assert.Equal(all.Videos.Skip(1).Take(2).Select(v => v.VideoId), page.Videos.Select(v => v.VideoId));
    }

    [Fact]
    public async Task SearchAsync_FolderFilter_OnlyVideosUnderThatFolder()
    {
        var response = await Search(new SearchFilters(Folder: TinyLibrary.RootPath + "/work"));
        Assert.Equal(2, response.TotalVideos);
        Assert.All(response.Videos, v => Assert.StartsWith(TinyLibrary.RootPath + "/work/", v.Path));
        // A folder name that is only a prefix of another folder's name matches nothing.
        Assert.Equal(0, (await Search(new SearchFilters(Folder: TinyLibrary.RootPath + "/wor"))).TotalVideos);
    }

    [Fact]
    public async Task SearchAsync_DurationFilter_OnlyVideosInRange()
    {
        var response = await Search(new SearchFilters(MinDurationSeconds: 20, MaxDurationSeconds: 100));
        Assert.Equal(["holidays/beach.mp4", "work/meeting.mp4"],
            response.Videos.Select(v => Path.GetRelativePath(TinyLibrary.RootPath, v.Path)).Order());
    }

    [Fact]
    public async Task SearchAsync_DateFilter_OnlyFilesModifiedInRange()
    {
        var response = await Search(new SearchFilters(
            ModifiedAfter: new DateTimeOffset(2022, 1, 1, 0, 0, 0, TimeSpan.Zero),
            ModifiedBefore: new DateTimeOffset(2024, 6, 1, 0, 0, 0, TimeSpan.Zero)));
        Assert.Equal(["holidays/mountain.mp4", "work/meeting.mp4"],
            response.Videos.Select(v => Path.GetRelativePath(TinyLibrary.RootPath, v.Path)).Order());
    }

    [Fact]
    public async Task SearchAsync_FilterWithFewCandidates_AllCandidatesEligible()
    {
        // K = 2 (top 1) with a filter admitting only the 3 clips of demo.mp4: the index filter must still yield 2 of them.
        var service = library.Service(candidateCount: 2);
        var response = await service.SearchAsync(new SearchRequest(Query, 1, 0,
            new SearchFilters(MinDurationSeconds: 500)), CancellationToken.None);
        Assert.Equal(2, Assert.Single(response.Videos).AllClips().Count);
    }

    [Fact]
    public async Task SearchAsync_RerankOff_CandidatesKeepTheIndexCosineAndCosineCalibration()
    {
        var service = library.Service();
        var response = await service.SearchAsync(new SearchRequest(Query, 100, Rerank: false), CancellationToken.None);
        float[] text = (await library.Encoder().EncodeAsync(Query, CancellationToken.None)).Query.Features;

        var hits = response.Videos.SelectMany(v => v.AllClips()).ToList();
        Assert.Equal(library.Clips.Count, hits.Count);
        // The HNSW's cosine against one recomputed in double: float32 rounding only.
        Assert.All(hits, h => Assert.Equal(Cosines.Of(text, library.Clips[h.ClipId].Embedding), h.Score, 1e-5));
        long best = library.Clips.Keys.MaxBy(id => Cosines.Of(text, library.Clips[id].Embedding));
        Assert.Equal(best, response.Videos[0].Moments[0].PeakClipId);
        // The calibration is on the same scale: the sample's cosines (the tiny library's sample is all of its 12 clips).
        double mean = library.Clips.Values.Average(c => Cosines.Of(text, c.Embedding));
        Assert.Equal(mean, response.Calibration!.Mean, 1e-5);

        var reranked = await service.SearchAsync(new SearchRequest(Query, 100), CancellationToken.None);
        var rerankedScores = reranked.Videos.SelectMany(v => v.AllClips()).ToDictionary(c => c.ClipId, c => c.Score);
        Assert.Contains(hits, h => Math.Abs(rerankedScores[h.ClipId] - h.Score) > 1e-2);
    }

    [Fact]
    public async Task SearchAsync_TopAboveMaximum_Throws() =>
        await Assert.ThrowsAsync<SearchQueryException>(() => Search(null, top: 101));

    [Fact]
    public async Task SearchSimilarAsync_IndexedClip_OtherClipsByEmbeddingCosine()
    {
        long clipId = library.Clips.Keys.Min();
        var response = await library.Service().SearchSimilarAsync(clipId, 100, null, CancellationToken.None);
        var hits = response.Videos.SelectMany(v => v.AllClips()).ToList();
        Assert.DoesNotContain(hits, c => c.ClipId == clipId);
        Assert.Equal(library.Clips.Count - 1, hits.Count);
        float[] query = library.Clips[clipId].Embedding;
        foreach (var hit in hits)
        {
            // Cosine of two stored embeddings, recomputed here in double: float32 rounding only.
            Assert.Equal(Cosines.Of(query, library.Clips[hit.ClipId].Embedding), hit.Score, 1e-5);
        }
        long best = library.Clips.Keys.Where(id => id != clipId)
            .MaxBy(id => Cosines.Of(query, library.Clips[id].Embedding));
        Assert.Equal(best, response.Videos[0].Moments[0].PeakClipId);
    }

    [Fact]
    public async Task SearchSimilarAsync_WithFolderFilter_OnlyThatFolder()
    {
        long clipId = library.Clips.Keys.Min();
        var response = await library.Service().SearchSimilarAsync(clipId, 100,
            new SearchFilters(Folder: TinyLibrary.RootPath + "/work"), CancellationToken.None);
        Assert.Equal(2, response.TotalVideos);
        Assert.All(response.Videos, v => Assert.Contains("/work/", v.Path));
    }

    [Fact]
    public async Task SearchSimilarAsync_UnknownClip_ThrowsClipNotFound()
    {
        var e = await Assert.ThrowsAsync<ClipNotFoundException>(() =>
            library.Service().SearchSimilarAsync(999_999, 10, null, CancellationToken.None));
        Assert.Contains("999999", e.Message);
    }
}
