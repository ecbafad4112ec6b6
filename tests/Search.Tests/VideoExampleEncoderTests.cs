using VideoSearch.Core.Media;
using VideoSearch.Core.Preprocessing;
using VideoSearch.Search.Examples;
using VideoSearch.TestSupport;

namespace VideoSearch.Search.Tests;

[Collection(TinyLibraryCollection.Name)]
public sealed class VideoExampleEncoderTests(TinyLibrary library)
{
    private VideoExampleEncoder Encoder() => new(library.Inference, PreprocessorConfig.FromFolder(TinyLibrary.KitFolder),
        new MediaProbe(), new FrameExtractor());

    [Fact]
    public async Task EncodeAsync_VideoFile_UnitVectorThatFindsClipsByCosine()
    {
        float[] query = await Encoder().EncodeAsync(Path.Combine(Fixtures.Media, "scenes_2min_320x240.mp4"), CancellationToken.None);
        Assert.Equal(library.Inference.ProjectionDim, query.Length);
        Assert.Equal(1.0, Math.Sqrt(query.Sum(x => x * (double)x)), 1e-5); // float32 rounding of the normalisation

        var response = await library.Service().SearchSimilarAsync(query, 100, null, CancellationToken.None);
        var hits = response.Videos.SelectMany(v => v.AllClips()).ToList();
        Assert.Equal(library.Clips.Count, hits.Count);
        foreach (var hit in hits)
        {
            var stored = library.Clips[hit.ClipId].Embedding;
            double cosine = query.Zip(stored, (a, b) => a * (double)b).Sum() / Math.Sqrt(stored.Sum(x => x * (double)x));
            Assert.Equal(cosine, hit.Score, 1e-5); // the index's float32 inner product of the same unit vectors
        }
    }

    [Fact]
    public async Task EncodeAsync_EmptyFile_ThrowsMediaExceptionNamingIt()
    {
        string path = Path.Combine(Fixtures.Media, "bad_zero_bytes.mp4");
        var e = await Assert.ThrowsAsync<MediaException>(() => Encoder().EncodeAsync(path, CancellationToken.None));
        Assert.Contains("bad_zero_bytes.mp4", e.Message);
    }
}
