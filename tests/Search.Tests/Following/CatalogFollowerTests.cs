using System.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using VideoSearch.Core.Catalog;
using VideoSearch.Core.Library;
using VideoSearch.Search.Following;
using VideoSearch.TestSupport;

namespace VideoSearch.Search.Tests.Following;

/// <summary>
/// The hosted follower of a search node on a shared PostgreSQL catalog, with the default settings (a catch-up every
/// second): clips another process commits become searchable here.
/// </summary>
[Collection(PostgresFixture.CollectionName)]
public sealed class CatalogFollowerTests(PostgresFixture postgres) : IDisposable
{
    private readonly string _folders = Path.Combine(Path.GetTempPath(), "videosearch-follow-" + Guid.NewGuid().ToString("N"));

    // A small model: 8-dimensional embeddings, contexts of 2 patches by 8.
    private static readonly ModelState Model = new("test/follow", "rev-a", 8, 2, 8);

    // The requirement: a clip committed anywhere is searchable on every node within 5 s.
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(5);

    [Fact]
    public async Task Follower_ClipsCommittedByAnotherProcess_AreSearchableWithinFiveSeconds()
    {
        string connectionString = await postgres.CreateDatabaseAsync("follower");
        using VideoCatalog node = await VideoCatalog.OpenAsync(NewDirectory(), connectionString);
        using VideoCatalog indexer = await VideoCatalog.OpenAsync(NewDirectory(), connectionString);
        var logs = new RecordingLoggerProvider();
        BackgroundService follower;
        await using (ServiceProvider provider = Build(node, logs))
        {
            var vectors = provider.GetRequiredService<LibraryVectorIndex>();
            vectors.Writable = true;
            follower = Assert.Single(provider.GetServices<IHostedService>().OfType<CatalogFollower>());
            await follower.StartAsync(CancellationToken.None);

            // A fresh catalog has no model until the first indexer sets it; the follower waits for it.
            await indexer.Model.SetAsync(Model);
            await AssertSearchableSoonAsync(vectors, await IndexAsync(indexer, "a.mp4", seed: 1), Deadline);
            await AssertSearchableSoonAsync(vectors, await IndexAsync(indexer, "b.mp4", seed: 2), Deadline);

            var stopping = Stopwatch.StartNew();
            await follower.StopAsync(CancellationToken.None);
            // Stopping only cancels a wait or a query; 2 s is room for a loaded machine, not for a catch-up to finish.
            Assert.InRange(stopping.Elapsed, TimeSpan.Zero, TimeSpan.FromSeconds(2));
            Assert.True(follower.ExecuteTask!.IsCompletedSuccessfully);
        }
        // Closing the node saved the index and, beside it, how far along the catalog's changes it is.
        Assert.True(File.Exists(Path.Combine(node.LibraryDirectory, LibraryVectorIndex.FileName)));
        Assert.Contains($"\"sequence\":{await node.Changes.LatestAsync()}",
            await File.ReadAllTextAsync(Path.Combine(node.LibraryDirectory, LibraryVectorIndex.WatermarkFileName)));
        Assert.DoesNotContain(logs.Entries, e => e.Level >= LogLevel.Warning);
    }

    [Fact]
    public async Task Follower_ServerDown_WarnsOnceKeepsTryingAndFollowsAgain()
    {
        string connectionString = await postgres.CreateDatabaseAsync("outage");
        using VideoCatalog node = await VideoCatalog.OpenAsync(NewDirectory(), connectionString);
        using (VideoCatalog indexer = await VideoCatalog.OpenAsync(NewDirectory(), connectionString))
        {
            await indexer.Model.SetAsync(Model);
            await IndexAsync(indexer, "a.mp4", seed: 1);
        }
        var logs = new RecordingLoggerProvider();
        await using ServiceProvider provider = Build(node, logs);
        var vectors = provider.GetRequiredService<LibraryVectorIndex>();
        var follower = Assert.Single(provider.GetServices<IHostedService>().OfType<CatalogFollower>());
        await follower.StartAsync(CancellationToken.None);
        await WaitForAsync(() => vectors.Count == 1, Deadline, "the index was not opened");

        await postgres.Server.KillAsync();
        try
        {
            await WaitForAsync(() => Warnings(logs).Count > 0, TimeSpan.FromSeconds(10), "the outage was not reported");
            // Three more attempts at one a second, all failing, add nothing to the log.
            await Task.Delay(TimeSpan.FromSeconds(3));
        }
        finally
        {
            // The collection's other tests share this server.
            await postgres.Server.StartAgainAsync();
        }
        var warning = Assert.Single(Warnings(logs));
        Assert.Contains("cannot be read", warning.Message);
        Assert.DoesNotContain(logs.Entries, e => e.Level >= LogLevel.Error);

        // A new catalog instance: the old one's pooled connections died with the server.
        using (VideoCatalog indexer = await VideoCatalog.OpenAsync(NewDirectory(), connectionString))
        {
            long clip = await IndexAsync(indexer, "b.mp4", seed: 2);
            // The node's own pool first hands out its dead connections, each failing one attempt; 10 s covers those.
            await AssertSearchableSoonAsync(vectors, clip, TimeSpan.FromSeconds(10));
        }
        Assert.Contains(logs.Entries, e => e.Category == typeof(CatalogFollower).FullName && e.Message.StartsWith("Following the catalog again"));
        await follower.StopAsync(CancellationToken.None);
    }

    [Fact]
    public async Task AddVideoSearchSearch_EmbeddedCatalog_AddsNoFollower()
    {
        using VideoCatalog catalog = await VideoCatalog.OpenAsync(NewDirectory());
        await using ServiceProvider provider = Build(catalog, new RecordingLoggerProvider());

        Assert.Empty(provider.GetServices<IHostedService>().OfType<CatalogFollower>());
    }

    private static ServiceProvider Build(VideoCatalog catalog, RecordingLoggerProvider logs)
    {
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().Build());
        services.AddLogging(logging => logging.AddProvider(logs));
        services.AddVideoSearchLibrary(catalog);
        services.AddVideoSearchSearch();
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });
    }

    /// <summary>Indexes one single-clip video as an indexer process would; returns the clip's id.</summary>
    private static async Task<long> IndexAsync(VideoCatalog indexer, string relativePath, int seed)
    {
        RootId root = await indexer.Roots.AddAsync("/media/shared");
        VideoId video = await indexer.Videos.BeginVideoAsync(root, relativePath, new FileIdentity(1000, seed, $"v1:{seed}"));
        var random = new Random(seed);
        float[] embedding = Enumerable.Range(0, Model.EmbeddingDim).Select(_ => (float)random.NextDouble() - 0.5f).ToArray();
        float[] context = Enumerable.Range(0, Model.ContextLength).Select(_ => (float)random.NextDouble()).ToArray();
        byte[] jpeg = [0xFF, 0xD8, 0xFF, 0xE0, 0x01, 0x02, 0xFF, 0xD9];
        var clip = new NewClip(0, 0, 2, [0.5, 1.5], embedding, context, jpeg);
        CompletedVideo done = await indexer.Writer.CompleteVideoAsync(video, new VideoMetadata(2, 25, 64, 48, 0, "h264", null), [clip]);
        return Assert.Single(done.NewClipIds);
    }

    private static async Task AssertSearchableSoonAsync(LibraryVectorIndex vectors, long clip, TimeSpan within)
    {
        await WaitForAsync(() => vectors.Current?.Contains(clip) == true, within,
            $"clip {clip} was not in the node's vector index {within.TotalSeconds:0} s after its commit");
    }

    private static async Task WaitForAsync(Func<bool> condition, TimeSpan within, string failure)
    {
        var clock = Stopwatch.StartNew();
        while (!condition())
        {
            Assert.True(clock.Elapsed < within, failure);
            await Task.Delay(50);
        }
    }

    private static List<RecordingLoggerProvider.LogEntry> Warnings(RecordingLoggerProvider logs) =>
        logs.Entries.Where(e => e.Category == typeof(CatalogFollower).FullName && e.Level == LogLevel.Warning).ToList();

    /// <summary>A library folder of its own for each catalog instance, as each machine has.</summary>
    private string NewDirectory() => Path.Combine(_folders, Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        try
        {
            Directory.Delete(_folders, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless; it must not fail the test that used it.
        }
    }
}
