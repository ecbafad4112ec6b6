using Microsoft.Extensions.Logging.Abstractions;
using VideoSearch.Core.Catalog;
using VideoSearch.Core.Library;
using VideoSearch.Core.Tests.Catalog;
using VideoSearch.TestSupport;

namespace VideoSearch.Core.Tests.Library;

/// <summary>
/// One PostgreSQL catalog opened twice, as two machines open it: <see cref="Node"/> is the search node whose vector
/// index is under test (its own library folder), <see cref="Indexer"/> another process that writes clips.
/// </summary>
internal sealed class SharedLibrary(VideoCatalog node, VideoCatalog indexer) : IAsyncDisposable
{
    private RootId? _root;

    public VideoCatalog Node { get; } = node;

    public VideoCatalog Indexer { get; } = indexer;

    public string IndexPath => Path.Combine(Node.LibraryDirectory, LibraryVectorIndex.FileName);

    public string WatermarkPath => Path.Combine(Node.LibraryDirectory, LibraryVectorIndex.WatermarkFileName);

    /// <summary>A new database with <see cref="TempCatalog.TinyModel"/> set, opened by a node and an indexer.</summary>
    public static async Task<SharedLibrary> CreateAsync(PostgresFixture postgres)
    {
        string connectionString = await postgres.CreateDatabaseAsync("follow");
        VideoCatalog node = await VideoCatalog.OpenAsync(TempCatalog.NewDirectory(), connectionString);
        VideoCatalog indexer = await VideoCatalog.OpenAsync(TempCatalog.NewDirectory(), connectionString);
        await indexer.Model.SetAsync(TempCatalog.TinyModel);
        return new SharedLibrary(node, indexer);
    }

    /// <summary>The node's vector index, allowed to save its file.</summary>
    public LibraryVectorIndex OpenVectors(VideoCatalog? catalog = null) =>
        new(catalog ?? Node, NullLogger<LibraryVectorIndex>.Instance) { Writable = true };

    /// <summary>
    /// Indexes <paramref name="relativePath"/> through the indexer with <paramref name="clips"/> clips derived from
    /// <paramref name="seed"/>; indexing a path again re-indexes it (its old clips are replaced).
    /// </summary>
    public async Task<(VideoId Video, CompletedVideo Done, IReadOnlyList<NewClip> Clips)> IndexAsync(string relativePath, int clips, int seed)
    {
        _root ??= await Indexer.Roots.AddAsync("/media/shared");
        VideoId video = await Indexer.Videos.BeginVideoAsync(_root.Value, relativePath, new FileIdentity(1000 + seed, seed, $"v1:{seed}"));
        var newClips = Enumerable.Range(0, clips).Select(i => TempCatalog.Clip(i, seed)).ToList();
        CompletedVideo done = await Indexer.Writer.CompleteVideoAsync(video, TempCatalog.Metadata, newClips);
        return (video, done, newClips);
    }

    /// <summary>Every clip id the catalog holds, in order.</summary>
    public async Task<List<long>> CatalogClipIdsAsync()
    {
        var ids = new List<long>();
        await foreach (ClipEmbedding clip in Indexer.Clips.StreamEmbeddingsAsync()) ids.Add(clip.ClipId);
        return ids;
    }

    public ValueTask DisposeAsync()
    {
        foreach (VideoCatalog catalog in new[] { Node, Indexer })
        {
            catalog.Dispose();
            try
            {
                Directory.Delete(catalog.LibraryDirectory, recursive: true);
            }
            catch (IOException)
            {
                // The indexer never writes its folder; a leftover temp folder is harmless either way.
            }
        }
        return ValueTask.CompletedTask;
    }
}
