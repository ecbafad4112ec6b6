using VideoSearch.Core.Catalog;
using VideoSearch.TestSupport;

namespace VideoSearch.Core.Tests.Catalog;

/// <summary>The change sequence while several processes write one PostgreSQL catalog at once.</summary>
[Collection(PostgresFixture.CollectionName)]
public sealed class PostgresClipChangeConcurrencyTests(PostgresFixture postgres)
{
    [Fact]
    public async Task ReadAfterAsync_PollingWhileTwoInstancesWrite_NeverMissesACommittedChange()
    {
        await using TempCatalog temp = await TempCatalog.CreateAsync(postgres);
        using VideoCatalog second = await temp.OpenAgainAsync();
        RootId root = await temp.Catalog.Roots.AddAsync("/library");
        NewClip[] clips = Enumerable.Range(0, 30).Select(i => TempCatalog.Clip(i)).ToArray();

        async Task WriteAsync(VideoCatalog catalog, string name)
        {
            var videos = new List<VideoId>();
            for (int i = 0; i < 8; i++)
            {
                VideoId video = await catalog.Videos.BeginVideoAsync(root, $"{name}{i}.mp4", new FileIdentity(i, i, $"v1:{name}{i}"));
                await catalog.Writer.CompleteVideoAsync(video, TempCatalog.Metadata, clips);
                videos.Add(video);
            }
            // Replacing and removing clips interleave removals with the other writer's additions.
            foreach (VideoId video in videos.Where((_, i) => i % 2 == 0))
                await catalog.Writer.CompleteVideoAsync(video, TempCatalog.Metadata, clips[..10]);
            await catalog.Videos.RemoveVideoAsync(videos[1]);
        }

        // The follower applies what it reads, as a search node applies it to its vector index.
        var applied = new HashSet<long>();
        long last = 0;
        async Task<int> FollowAsync()
        {
            IReadOnlyList<ClipChange> page = await temp.Catalog.Changes.ReadAfterAsync(last, limit: 25);
            foreach (ClipChange change in page)
            {
                Assert.True(change.Sequence > last, $"change {change.Sequence} read after {last}");
                last = change.Sequence;
                Assert.True(change.Added ? applied.Add(change.ClipId) : applied.Remove(change.ClipId),
                    $"change {change.Sequence} {(change.Added ? "adds" : "removes")} clip {change.ClipId} twice or before its addition");
            }
            return page.Count;
        }

        Task writers = Task.WhenAll(Task.Run(() => WriteAsync(temp.Catalog, "a")), Task.Run(() => WriteAsync(second, "b")));
        int polls = 0;
        while (!writers.IsCompleted)
        {
            await FollowAsync();
            polls++;
        }
        await writers;
        while (await FollowAsync() > 0) polls++;

        List<ClipEmbedding> stored = await IndexedVideoWriterTests.ToListAsync(temp.Catalog.Clips.StreamEmbeddingsAsync());
        Assert.Equal(stored.Select(e => e.ClipId).ToHashSet(), applied);
        Assert.Equal(2 * (4 * 10 + 3 * 30), applied.Count);
        Assert.Equal(last, await temp.Catalog.Changes.LatestAsync());
        // Reads must have overlapped the writes for the test to mean anything.
        Assert.True(polls > 10, $"only {polls} polls while writing");
    }
}
