namespace VideoSearch.Web.Contracts;

/// <summary>A page of the library: indexed videos, newest modified first (ties by id).</summary>
/// <param name="Total">How many videos pass the filters, before paging.</param>
/// <param name="Offset">How many were skipped.</param>
/// <param name="Limit">The page size asked for.</param>
/// <param name="Videos">This page's videos.</param>
public sealed record VideoListResponse(int Total, int Offset, int Limit, IReadOnlyList<LibraryVideoItem> Videos);
