namespace VideoSearch.Cli.Tests.Shared;

/// <summary>Where one video stands in a catalog: its status and how many clips it has.</summary>
/// <param name="Status">The row's status (<c>indexed</c>, <c>failed</c>, <c>pending</c>).</param>
/// <param name="Clips">Rows in <c>clips</c> that belong to it.</param>
internal readonly record struct VideoContents(string Status, long Clips)
{
    public override string ToString() => $"{Status}, {Clips} clips";
}
