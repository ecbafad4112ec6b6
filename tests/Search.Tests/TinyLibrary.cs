using Microsoft.Extensions.Options;
using VideoSearch.Core.Catalog;
using VideoSearch.Core.Inference;
using VideoSearch.Core.Model;
using VideoSearch.Core.Thumbnails;
using VideoSearch.Core.Vectors;
using VideoSearch.Search;
using VideoSearch.Search.Catalog;
using VideoSearch.Search.Labels;
using Microsoft.Extensions.Logging.Abstractions;
using VideoSearch.Core.Hub;
using VideoSearch.Core.Library;
using VideoSearch.Search.Ranking;
using VideoSearch.Search.Text;
using VideoSearch.TestSupport;
using static TorchSharp.torch;

namespace VideoSearch.Search.Tests;

/// <summary>
/// A small indexed library built without the indexer: the tiny X-CLIP kit embeds seeded random clips, which are
/// stored through the catalog's own API and indexed in an HNSW file, as the indexer leaves a library.
/// Four videos under two folders, 12 clips, with known durations and modification times.
/// </summary>
public sealed class TinyLibrary : IAsyncLifetime
{
    public static readonly string KitFolder = Path.GetFullPath(Fixtures.Reference("xclip-tiny-clipvocab"));
    public const string RootPath = "/media/library";

    /// <summary>(relative path, clips, duration seconds, modified UTC).</summary>
    public static readonly (string Path, int Clips, double Duration, DateTimeOffset Modified)[] Videos =
    [
        ("holidays/beach.mp4", 3, 24, new DateTimeOffset(2021, 6, 1, 0, 0, 0, TimeSpan.Zero)),
        ("holidays/mountain.mp4", 2, 16, new DateTimeOffset(2022, 6, 1, 0, 0, 0, TimeSpan.Zero)),
        ("work/meeting.mp4", 4, 32, new DateTimeOffset(2023, 6, 1, 0, 0, 0, TimeSpan.Zero)),
        ("work/demo.mp4", 3, 600, new DateTimeOffset(2024, 6, 1, 0, 0, 0, TimeSpan.Zero)),
    ];

    public string Directory { get; } = Path.Combine(Path.GetTempPath(), "videosearch-search-" + Guid.NewGuid().ToString("N"));

    public XClipInference Inference { get; private set; } = null!;

    /// <summary>A separate copy of the model for reference forward passes.</summary>
    public XClipModel Reference { get; private set; } = null!;

    /// <summary>Per clip id: its pixel values [8*3*32*32], float32 embedding and float32 context, its video id.</summary>
    public Dictionary<long, (float[] Pixels, float[] Embedding, float[] Context, long VideoId)> Clips { get; } = new();

    public Dictionary<long, string> VideoPaths { get; } = new();

    /// <summary>The library opened as a search host opens it: its catalog, its live vector index, search's reads.</summary>
    public VideoCatalog Catalog { get; private set; } = null!;

    public LibraryVectorIndex Vectors { get; private set; } = null!;

    public IVectorIndex Index { get; private set; } = null!;

    public ISearchCatalog Reader { get; private set; } = null!;

    /// <summary>The kit's identity as the indexer records it.</summary>
    public static (string ModelId, string Revision) KitIdentity =>
        ModelIdentity.Of(new ResolvedModel(KitFolder, ModelSource.LocalFolder, null, null, null));

    public async Task InitializeAsync()
    {
        Inference = XClipInference.Load(KitFolder);
        Reference = XClipModel.FromPretrained(KitFolder);
        var config = Inference.Config.VisionConfig;
        int perClip = config.NumFrames * config.NumChannels * config.ImageSize * config.ImageSize;
        var random = new Random(1234);

        using (var catalog = await VideoCatalog.OpenAsync(Directory))
        {
            await catalog.Model.SetAsync(new ModelState(KitIdentity.ModelId, KitIdentity.Revision, Inference.ProjectionDim, Inference.ContextPatches,
                Inference.ProjectionDim));
            RootId root = await catalog.Roots.AddAsync(RootPath);
            byte[] jpeg = new JpegThumbnailEncoder().Encode(8, 8, new byte[8 * 8 * 3]);
            var index = new HnswVectorIndex(Inference.ProjectionDim);
            int fingerprint = 0;
            foreach (var video in Videos)
            {
                var pixels = new float[video.Clips * perClip];
                for (int i = 0; i < pixels.Length; i++) pixels[i] = (float)Gaussian(random);
                var encoded = await Inference.EncodeVideosAsync(pixels, video.Clips);
                double clipLength = video.Duration / video.Clips;
                var clips = encoded.Select((e, c) => new NewClip(c, c * clipLength, (c + 1) * clipLength,
                    Enumerable.Range(0, config.NumFrames).Select(f => c * clipLength + f * clipLength / config.NumFrames).ToArray(),
                    e.Embedding, e.Context, jpeg)).ToList();

                var file = new FileIdentity(1000 + fingerprint, FileIdentity.ToUnixNs(video.Modified.UtcDateTime), $"fingerprint-{fingerprint++}");
                VideoId id = await catalog.Videos.BeginVideoAsync(root, video.Path, file);
                var metadata = new VideoMetadata(video.Duration, 25, 320, 240, 0, "h264", null);
                var completed = await catalog.Writer.CompleteVideoAsync(id, metadata, clips);
                VideoPaths[id.Value] = Path.Join(RootPath, video.Path);
                for (int c = 0; c < clips.Count; c++)
                {
                    long clipId = completed.NewClipIds[c];
                    Clips[clipId] = (pixels.AsSpan(c * perClip, perClip).ToArray(), encoded[c].Embedding, encoded[c].Context, id.Value);
                    index.Add(clipId, encoded[c].Embedding);
                }
            }
            index.Save(Path.Combine(Directory, LibraryVectorIndex.FileName));
        }
        Catalog = await VideoCatalog.OpenAsync(Directory);
        Vectors = new LibraryVectorIndex(Catalog, NullLogger<LibraryVectorIndex>.Instance);
        Index = (await Vectors.GetAsync(CancellationToken.None))!;
        Reader = new CatalogSearchSource(Catalog);
    }

    /// <summary>A search service over the library with <paramref name="candidateCount"/> as K.</summary>
    public SearchService Service(int candidateCount = 100, int cacheSize = 16) =>
        new(Encoder(cacheSize), Index, new ClipReranker(Inference, Reader), Reader,
            Options.Create(new SearchOptions { CandidateCount = candidateCount }));

    public QueryEncoder Encoder(int cacheSize = 16) => new(Inference, new TextFeatureCache(cacheSize));

    public LabelClassifier Labels() => new(Inference, Encoder(), Reader);

    /// <summary>The reference: XClipModel.Forward's logits_per_video for the query at its true length and the clip's frames.</summary>
    public float ForwardLogit(string query, long clipId)
    {
        var ids = Inference.Tokenizer.Encode(query, Inference.MaxTextLength).Ids.Select(i => (long)i).ToArray();
        var vision = Inference.Config.VisionConfig;
        using var scope = NewDisposeScope();
        using var output = Reference.Forward(tensor(ids, [1, ids.Length]), ones(1, ids.Length, ScalarType.Int64),
            tensor(Clips[clipId].Pixels, [1, vision.NumFrames, vision.NumChannels, vision.ImageSize, vision.ImageSize]));
        return output.LogitsPerVideo[0, 0].item<float>();
    }

    public Task DisposeAsync()
    {
        Vectors?.Dispose();
        Catalog?.Dispose();
        Inference?.Dispose();
        Reference?.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (System.IO.Directory.Exists(Directory)) System.IO.Directory.Delete(Directory, recursive: true);
        return Task.CompletedTask;
    }

    private static double Gaussian(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}

[CollectionDefinition(Name)]
public sealed class TinyLibraryCollection : ICollectionFixture<TinyLibrary>
{
    public const string Name = "tiny library";
}
