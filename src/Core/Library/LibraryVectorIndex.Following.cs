using Microsoft.Extensions.Logging;
using VideoSearch.Core.Catalog;
using VideoSearch.Core.Checkpoints;
using VideoSearch.Core.Vectors;

namespace VideoSearch.Core.Library;

// Following the catalog's change sequence: the watermark, catching up, and opening from a saved watermark.
public sealed partial class LibraryVectorIndex
{
    /// <summary>The watermark's file beside the index file (see <see cref="ChangeWatermarkFile"/>).</summary>
    public const string WatermarkFileName = FileName + ".changes";

    /// <summary>
    /// Changes read per query while catching up: one embedding query per page, and a bounded insert under the lock
    /// (settable so that tests can cross page boundaries with a few clips).
    /// </summary>
    internal int ChangePageSize { get; set; } = 4096;

    private readonly string _watermarkPath;
    private long _watermark;
    private int _fullReconciles;

    /// <summary>
    /// How many times an open read every embedding in the catalog (a full reconcile), rather than only the changes
    /// after a saved watermark.
    /// </summary>
    internal int FullReconcileCount => Volatile.Read(ref _fullReconciles);

    /// <summary>The last change of the catalog's sequence this index has applied.</summary>
    internal long Watermark
    {
        get
        {
            lock (_gate) return _watermark;
        }
    }

    /// <summary>Whether other processes write the catalog, so that the index follows its change sequence.</summary>
    private bool Follows => _catalog.Database.IsShared;

    /// <summary>
    /// Applies the catalog's changes numbered after the watermark, in order and a page at a time, and returns how
    /// many it read: clips added that the index lacks are added from their stored embeddings (a clip whose embedding
    /// is gone was removed later, and that removal follows), removed ones are removed. Ids are never reused and a
    /// clip's embedding never changes, so a clip the index already holds needs nothing, and replaying changes applied
    /// before is harmless. Safe beside <see cref="Apply"/> and searches; waits for an open in progress.
    /// </summary>
    /// <exception cref="InvalidOperationException">The index has not been opened.</exception>
    /// <exception cref="CatalogException">The catalog cannot be read (a lost server is <see cref="Errors.ErrorKind.Environment"/>).</exception>
    public async Task<int> CatchUpAsync(CancellationToken cancellationToken)
    {
        await _opening.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            HnswVectorIndex index = _index ?? throw new InvalidOperationException("The vector index is not open.");
            return await CatchUpOpenAsync(index, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _opening.Release();
        }
    }

    /// <summary><see cref="CatchUpAsync"/> on the open index, for a caller that holds <see cref="_opening"/>.</summary>
    private async Task<int> CatchUpOpenAsync(HnswVectorIndex index, CancellationToken cancellationToken)
    {
        long after;
        lock (_gate) after = _watermark;
        (int applied, _) = await ApplyChangesAsync(index, after, published: true, cancellationToken).ConfigureAwait(false);
        return applied;
    }

    /// <summary>
    /// Opens for a shared catalog: the saved file caught up from its watermark when the watermark names this catalog
    /// and is not past its last change; else a new index built from every embedding, then caught up from
    /// <paramref name="latest"/> (read before the embeddings were), so that changes which raced the read are
    /// replayed. A file without a usable watermark may come from another catalog, so it is not reused.
    /// </summary>
    private async Task<(HnswVectorIndex, long, bool)> OpenFollowingAsync(int dimension, long latest, CancellationToken cancellationToken)
    {
        HnswVectorIndex? loaded = TryLoad(dimension);
        ChangeWatermarkFile? saved = loaded is null ? null : ChangeWatermarkFile.TryRead(_watermarkPath);
        string? stale = loaded is null ? (File.Exists(_path) ? "the index file is unusable" : "there is no index file")
            : saved is null ? $"there is no readable {WatermarkFileName} beside it"
            : saved.Problem(_catalog.Database.Location, latest);
        HnswVectorIndex index = stale is null ? loaded! : new HnswVectorIndex(dimension);
        index.EfSearch = _efSearch;
        try
        {
            if (stale is null)
            {
                (int applied, long watermark) = await ApplyChangesAsync(index, saved!.Sequence, published: false, cancellationToken)
                    .ConfigureAwait(false);
                _logger.LogInformation(
                    "Loaded the vector index {IndexPath} ({ClipCount} clips) and caught up {ChangeCount} catalog changes after change {Sequence}",
                    _path, index.Count, applied, saved.Sequence);
                return (index, watermark, applied > 0);
            }
            loaded?.Dispose();
            _logger.LogInformation("Rebuilding the vector index {IndexPath} from the catalog: {Reason}", _path, stale);
            // Whatever it said, it does not describe the file the next save writes.
            DiscardWatermark();
            await ReconcileAsync(index, cancellationToken).ConfigureAwait(false);
            (int replayed, long caughtUp) = await ApplyChangesAsync(index, latest, published: false, cancellationToken)
                .ConfigureAwait(false);
            _logger.LogInformation("Rebuilt the vector index from the catalog: {ClipCount} clips, {ChangeCount} changes replayed after change {Sequence}",
                index.Count, replayed, latest);
            // Saved even when empty, so the next open finds a file and a watermark and reads only what follows.
            lock (_gate) _dirty = true;
            return (index, caughtUp, true);
        }
        catch
        {
            index.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Applies the changes after <paramref name="after"/> to <paramref name="index"/> and returns how many were read
    /// and the last one's number. On the <paramref name="published"/> index the watermark moves with each page, under
    /// the same lock as the page's edits, so a save never records a number ahead of what it writes.
    /// </summary>
    private async Task<(int Applied, long Watermark)> ApplyChangesAsync(HnswVectorIndex index, long after, bool published,
        CancellationToken cancellationToken)
    {
        int applied = 0;
        while (true)
        {
            IReadOnlyList<ClipChange> page = await _catalog.Changes.ReadAfterAsync(after, ChangePageSize, cancellationToken)
                .ConfigureAwait(false);
            if (page.Count == 0) return (applied, after);
            (List<long> removed, List<(long, float[])> added) = await ResolveAsync(index, page, cancellationToken).ConfigureAwait(false);
            lock (_gate)
            {
                foreach (long id in removed) index.Remove(id);
                // Not cancellable: a page is bounded, and an insert stopped halfway would leave ids that no search reaches.
                if (added.Count > 0) index.AddRange(added, CancellationToken.None);
                after = page[^1].Sequence;
                if (published) _watermark = after;
                _dirty = true;
            }
            applied += page.Count;
            if (page.Count < ChangePageSize) return (applied, after);
        }
    }

    /// <summary>
    /// What one page of changes does to the index. Changes to different ids commute, so applying the page in order
    /// comes to each id's last change in it: an id added and removed again in one page ends removed.
    /// </summary>
    private async Task<(List<long> Removed, List<(long, float[])> Added)> ResolveAsync(HnswVectorIndex index,
        IReadOnlyList<ClipChange> page, CancellationToken cancellationToken)
    {
        var last = new Dictionary<long, bool>(page.Count);
        foreach (ClipChange change in page) last[change.ClipId] = change.Added;
        var removed = new List<long>();
        var wanted = new List<long>();
        foreach ((long id, bool added) in last)
        {
            if (!added) removed.Add(id);
            else if (!index.Contains(id)) wanted.Add(id);
        }
        IReadOnlyList<ClipEmbedding> embeddings = await _catalog.Clips.GetEmbeddingsAsync(wanted, cancellationToken).ConfigureAwait(false);
        // A vector of another dimension belongs to a model switch in progress: the open for the new model reads it.
        var vectors = embeddings.Where(e => e.Embedding.Length == index.Dimension).Select(e => (e.ClipId, e.Embedding)).ToList();
        return (removed, vectors);
    }

    private void RecordWatermark(long sequence)
    {
        try
        {
            new ChangeWatermarkFile(_catalog.Database.Location, sequence).Write(_watermarkPath);
        }
        catch (CheckpointWriteException e)
        {
            // The index file is saved; an older watermark beside it only makes the next open replay more changes.
            _logger.LogWarning("Could not record the vector index's change watermark {WatermarkPath}: {Reason}", _watermarkPath, e.Message);
        }
    }

    private void DiscardWatermark()
    {
        if (!Writable || !File.Exists(_watermarkPath)) return;
        try
        {
            File.Delete(_watermarkPath);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            _logger.LogWarning("Could not delete the stale change watermark {WatermarkPath}: {Reason}", _watermarkPath, e.Message);
        }
    }
}
