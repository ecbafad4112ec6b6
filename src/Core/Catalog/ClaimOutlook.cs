namespace VideoSearch.Core.Catalog;

/// <summary>
/// What is left to claim under some roots: videos free to claim now, and videos other processes hold leases on (done
/// by them, or free again when a lease runs out because its holder died).
/// </summary>
public readonly record struct ClaimOutlook(int Claimable, int LeasedByOthers);
