using VideoSearch.Core.Catalog;
using VideoSearch.Search.Catalog;
using VideoSearch.Search.Contracts;
using VideoSearch.Search.Ranking;

namespace VideoSearch.Search.Tests;

[Collection(TinyLibraryCollection.Name)]
public sealed class LibrarySamplerTests(TinyLibrary library)
{
    [Fact]
    public async Task GetSampleClipIdsAsync_Catalog_SameSpreadOrderEveryTimeCappedAtCount()
    {
        var all = library.Clips.Keys.ToList();
        var sample = await library.Reader.GetSampleClipIdsAsync(5, CancellationToken.None);
        // The documented order: Knuth's multiplicative hash of the id modulo 2^32, ties by id.
        Assert.Equal(all.OrderBy(id => id * 2654435761L % 4294967296L).ThenBy(id => id).Take(5), sample);
        Assert.Equal(sample, await library.Reader.GetSampleClipIdsAsync(5, CancellationToken.None));
        Assert.Equal(all.Order(), (await library.Reader.GetSampleClipIdsAsync(64, CancellationToken.None)).Order());
    }

    [Fact]
    public async Task GetAsync_SameIndexCount_KeepsTheSampleWithoutReading()
    {
        var (sampler, catalog, _) = Create();
        LibrarySample first = await sampler.GetAsync(12, CancellationToken.None);
        LibrarySample second = await sampler.GetAsync(12, CancellationToken.None);
        Assert.Same(first, second);
        Assert.Equal(1, catalog.SampleReads);
        Assert.Equal(library.Clips.Count, first.Clips.Count);
        Assert.Equal(first.Clips.Count * library.Inference.ProjectionDim, first.Embeddings.Length);
        Assert.Equal(library.Clips[first.Clips[0].ClipId].Embedding, first.Embeddings[..library.Inference.ProjectionDim]);
    }

    [Fact]
    public async Task GetAsync_IndexCountChanged_RefreshedOnlyAfterTheInterval()
    {
        var (sampler, catalog, clock) = Create();
        LibrarySample first = await sampler.GetAsync(12, CancellationToken.None);
        clock.Advance(LibrarySampler.RefreshInterval - TimeSpan.FromSeconds(1));
        Assert.Same(first, await sampler.GetAsync(13, CancellationToken.None));
        clock.Advance(TimeSpan.FromSeconds(1));
        LibrarySample second = await sampler.GetAsync(13, CancellationToken.None);
        Assert.NotSame(first, second);
        Assert.Equal((2, 13), (catalog.SampleReads, second.IndexCount));
    }

    [Fact]
    public async Task GetAsync_EmptySample_RefreshedAtOnceWhenTheIndexGrows()
    {
        var (sampler, catalog, _) = Create();
        catalog.Empty = true;
        Assert.Empty((await sampler.GetAsync(0, CancellationToken.None)).Clips);
        catalog.Empty = false;
        Assert.Equal(library.Clips.Count, (await sampler.GetAsync(12, CancellationToken.None)).Clips.Count);
        Assert.Equal(2, catalog.SampleReads);
    }

    [Fact]
    public async Task CalibrateTextAsync_SameFeaturesAndSample_ReusesTheCalibrationUntilTheSampleChanges()
    {
        var (sampler, _, clock) = Create();
        var calibrator = new ScoreCalibrator(sampler, new ClipReranker(library.Inference, library.Reader));
        var (query, _, _) = await library.Encoder(8).EncodeAsync("a test pattern", CancellationToken.None);

        ScoreCalibration? first = await calibrator.CalibrateTextAsync(query.Features, library.Index, CancellationToken.None);
        Assert.NotNull(first);
        // The text cache hands a repeated query back as the same array: its calibration is not computed again.
        Assert.Same(first, await calibrator.CalibrateTextAsync(query.Features, library.Index, CancellationToken.None));
        // Equal features in another array are scored afresh, and give the same figures.
        ScoreCalibration? copy = await calibrator.CalibrateTextAsync(query.Features.ToArray(), library.Index, CancellationToken.None);
        Assert.NotSame(first, copy);
        Assert.Equal(first, copy);
        // A new sample (the library changed) is scored afresh too.
        clock.Advance(LibrarySampler.RefreshInterval);
        await sampler.GetAsync(library.Index.Count + 1, CancellationToken.None);
        Assert.NotSame(first, await calibrator.CalibrateTextAsync(query.Features, library.Index, CancellationToken.None));
    }

    private (LibrarySampler Sampler, CountingCatalog Catalog, ManualClock Clock) Create()
    {
        var catalog = new CountingCatalog(library.Reader);
        var clock = new ManualClock();
        return (new LibrarySampler(catalog, clock), catalog, clock);
    }

    /// <summary>A clock that moves only when told.</summary>
    private sealed class ManualClock : TimeProvider
    {
        private long _ticks;

        public override long TimestampFrequency => TimeSpan.TicksPerSecond;

        public override long GetTimestamp() => _ticks;

        public void Advance(TimeSpan by) => _ticks += by.Ticks;
    }

    /// <summary>The real catalog, counting sample reads; <see cref="Empty"/> makes it answer as an empty library.</summary>
    private sealed class CountingCatalog(ISearchCatalog inner) : ISearchCatalog
    {
        public int SampleReads { get; private set; }

        public bool Empty { get; set; }

        public Task<IReadOnlyList<long>> GetSampleClipIdsAsync(int count, CancellationToken cancellationToken)
        {
            SampleReads++;
            return Empty ? Task.FromResult<IReadOnlyList<long>>([]) : inner.GetSampleClipIdsAsync(count, cancellationToken);
        }

        public Task<CandidateBatch> GetCandidatesAsync(IReadOnlyList<long> clipIds, CancellationToken cancellationToken) =>
            inner.GetCandidatesAsync(clipIds, cancellationToken);

        public Task<IReadOnlyList<CandidateClip>> GetClipsAsync(IReadOnlyList<long> clipIds, CancellationToken cancellationToken) =>
            inner.GetClipsAsync(clipIds, cancellationToken);

        public Task<float[]?> GetEmbeddingAsync(long clipId, CancellationToken cancellationToken) =>
            inner.GetEmbeddingAsync(clipId, cancellationToken);

        public Task<IReadOnlyList<long>> GetClipIdsOfVideoAsync(long videoId, CancellationToken cancellationToken) =>
            inner.GetClipIdsOfVideoAsync(videoId, cancellationToken);

        public Task<IReadOnlySet<long>> GetAllowedClipIdsAsync(SearchFilters filters, CancellationToken cancellationToken) =>
            inner.GetAllowedClipIdsAsync(filters, cancellationToken);
    }
}
