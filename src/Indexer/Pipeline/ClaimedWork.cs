using System.Runtime.CompilerServices;
using VideoSearch.Core.Catalog;

namespace VideoSearch.Indexer.Pipeline;

/// <summary>
/// The pending videos under this process's roots, claimed one at a time as the pipeline asks for the next. When none
/// is free but other processes hold leases on some, it waits: they finish them, or die and their leases run out, and
/// then this process takes them. It ends when nothing under the roots is pending.
/// </summary>
internal static class ClaimedWork
{
    public static async IAsyncEnumerable<VideoWork> ClaimAsync(VideoClaimRepository claims, IReadOnlyDictionary<RootId, string> roots,
        TimeSpan lease, TimeSpan poll, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var rootIds = roots.Keys.ToList();
        while (true)
        {
            ClaimedVideo? claimed = await claims.ClaimNextAsync(rootIds, lease, cancellationToken).ConfigureAwait(false);
            if (claimed is not null)
            {
                string root = roots[claimed.RootId];
                yield return new VideoWork(claimed.Id, Path.Join(root, claimed.RelativePath), root, claimed.File);
                continue;
            }
            // No row came back: none is free, or another process took the last free one in the same instant.
            ClaimOutlook outlook = await claims.OutlookAsync(rootIds, cancellationToken).ConfigureAwait(false);
            if (outlook.Claimable > 0) continue;
            if (outlook.LeasedByOthers == 0) yield break;
            await Task.Delay(poll, cancellationToken).ConfigureAwait(false);
        }
    }
}
