namespace VideoSearch.Core.Catalog;

/// <summary>One page of the library listing.</summary>
/// <param name="Total">How many indexed videos pass the filter, before paging.</param>
/// <param name="Videos">This page's videos, newest modified first, ties by id.</param>
public sealed record LibraryPage(int Total, IReadOnlyList<LibraryVideo> Videos);
