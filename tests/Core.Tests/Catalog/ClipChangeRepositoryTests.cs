using VideoSearch.Core.Catalog;

namespace VideoSearch.Core.Tests.Catalog;

public class ClipChangeRepositoryTests : CatalogTests
{
    [Fact]
    public async Task ReadAfterAsync_EveryKindOfClipChange_AppearsInOrder()
    {
        await using TempCatalog temp = await NewCatalogAsync();
        var changes = new ChangeReader(temp.Catalog.Changes);
        Assert.Empty(await changes.NextAsync());
        RootId root = await temp.Catalog.Roots.AddAsync("/library");
        RootId other = await temp.Catalog.Roots.AddAsync("/other");

        var (a, first) = await temp.IndexVideoAsync(root, "a.mp4", [TempCatalog.Clip(0), TempCatalog.Clip(1), TempCatalog.Clip(2)]);
        Assert.Equal(Added(first.NewClipIds), await changes.NextAsync());

        CompletedVideo again = await temp.Catalog.Writer.CompleteVideoAsync(a, TempCatalog.Metadata, [TempCatalog.Clip(0, seed: 2)]);
        // The old clips go before the new one arrives, as one transaction.
        Assert.Equal(Removed(first.NewClipIds).Concat(Added(again.NewClipIds)), Sorted(await changes.NextAsync()));

        IReadOnlyList<long> failed = await temp.Catalog.Videos.FailVideoAsync(a, "decode", "broken", new FileIdentity(1, 1, "v1:x"));
        Assert.Equal(Removed(failed), await changes.NextAsync());

        var (b, indexedB) = await temp.IndexVideoAsync(root, "b.mp4", [TempCatalog.Clip(0), TempCatalog.Clip(1)]);
        await changes.NextAsync();
        Assert.Equal(Removed(indexedB.NewClipIds), Sorted(await changes.AfterAsync(() => temp.Catalog.Videos.RemoveVideoAsync(b))));

        var (_, underOther) = await temp.IndexVideoAsync(other, "c.mp4", [TempCatalog.Clip(0), TempCatalog.Clip(1)]);
        await changes.NextAsync();
        Assert.Equal(Removed(underOther.NewClipIds), Sorted(await changes.AfterAsync(() => temp.Catalog.Roots.RemoveAsync(other))));

        var (_, indexedD) = await temp.IndexVideoAsync(root, "d.mp4", [TempCatalog.Clip(0)]);
        await changes.NextAsync();
        await temp.Catalog.Model.MarkAllForReembeddingAsync(TempCatalog.TinyModel with { Revision = "rev-b" });
        Assert.Equal(Removed(indexedD.NewClipIds), await changes.NextAsync());

        Assert.Equal(changes.Last, await temp.Catalog.Changes.LatestAsync());
        Assert.Equal(0L, await temp.Catalog.Clips.CountAsync());
    }

    [Fact]
    public async Task ReadAfterAsync_SmallLimit_PagesThroughTheSequenceWithoutGapsOrRepeats()
    {
        await using TempCatalog temp = await NewCatalogAsync();
        RootId root = await temp.Catalog.Roots.AddAsync("/library");
        var (_, done) = await temp.IndexVideoAsync(root, "a.mp4", Enumerable.Range(0, 7).Select(i => TempCatalog.Clip(i)).ToArray());

        var read = new List<ClipChange>();
        for (long after = 0; ;)
        {
            IReadOnlyList<ClipChange> page = await temp.Catalog.Changes.ReadAfterAsync(after, limit: 3);
            Assert.InRange(page.Count, 0, 3);
            if (page.Count == 0) break;
            read.AddRange(page);
            after = page[^1].Sequence;
        }

        Assert.Equal(Added(done.NewClipIds), read.Select(c => (c.ClipId, c.Added)));
        Assert.Equal(read.Select(c => c.Sequence).Order().Distinct(), read.Select(c => c.Sequence));
        Assert.Equal(read[^1].Sequence, await temp.Catalog.Changes.LatestAsync());
    }

    [Fact]
    public async Task ReadAfterAsync_CompleteRolledBack_RecordsNoChange()
    {
        await using TempCatalog temp = await NewCatalogAsync();
        var (_, video) = await temp.AddVideoAsync("a.mp4");
        long before = await temp.Catalog.Changes.LatestAsync();

        await Assert.ThrowsAsync<CatalogException>(() => temp.Catalog.Writer.CompleteVideoAsync(video, TempCatalog.Metadata,
            [TempCatalog.Clip(0), TempCatalog.Clip(1) with { Embedding = new float[7] }]));

        Assert.Empty(await temp.Catalog.Changes.ReadAfterAsync(before, 100));
    }

    [Fact]
    public async Task ReadAfterAsync_LimitNotPositive_Throws()
    {
        await using TempCatalog temp = await NewCatalogAsync();

        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => temp.Catalog.Changes.ReadAfterAsync(0, 0));
    }

    private static IEnumerable<(long, bool)> Added(IEnumerable<long> ids) => ids.Select(id => (id, true));

    private static IEnumerable<(long, bool)> Removed(IEnumerable<long> ids) => ids.Order().Select(id => (id, false));

    /// <summary>The leading removals ordered by id (one statement deletes them in no set order), the rest as read.</summary>
    private static IEnumerable<(long, bool)> Sorted(IEnumerable<(long Id, bool Added)> changes) =>
        changes.TakeWhile(c => !c.Added).OrderBy(c => c.Id).Concat(changes.SkipWhile(c => !c.Added));

    /// <summary>Follows the sequence as a search node does: each read starts after the last change it returned.</summary>
    private sealed class ChangeReader(ClipChangeRepository changes)
    {
        public long Last { get; private set; }

        public async Task<List<(long, bool)>> NextAsync()
        {
            IReadOnlyList<ClipChange> read = await changes.ReadAfterAsync(Last, 10_000);
            Assert.All(read.Zip(read.Skip(1)), pair => Assert.True(pair.Second.Sequence > pair.First.Sequence));
            if (read.Count > 0) Last = read[^1].Sequence;
            return read.Select(c => (c.ClipId, c.Added)).ToList();
        }

        public async Task<List<(long, bool)>> AfterAsync(Func<Task> change)
        {
            await change();
            return await NextAsync();
        }
    }
}
