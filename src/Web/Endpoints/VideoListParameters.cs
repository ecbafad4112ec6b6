using System.ComponentModel;
using Microsoft.AspNetCore.Mvc;

namespace VideoSearch.Web.Endpoints;

/// <summary>The query string of <c>GET /api/videos</c> (the library listing).</summary>
internal sealed record VideoListParameters(
    [property: FromQuery(Name = "offset"), Description("Videos to skip, for paging (default 0).")] int? Offset,
    [property: FromQuery(Name = "limit"), Description("Videos per page (default 24).")] int? Limit,
    [property: FromQuery(Name = "folder"), Description(FolderRule.Description)] string? Folder,
    [property: FromQuery(Name = "minDuration"), Description("Only videos at least this many seconds long.")] double? MinDuration,
    [property: FromQuery(Name = "maxDuration"), Description("Only videos at most this many seconds long.")] double? MaxDuration,
    [property: FromQuery(Name = "modifiedAfter"), Description("Only files modified at or after this ISO 8601 instant.")] DateTimeOffset? ModifiedAfter,
    [property: FromQuery(Name = "modifiedBefore"), Description("Only files modified before this ISO 8601 instant.")] DateTimeOffset? ModifiedBefore);
