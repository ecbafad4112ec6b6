using System.ComponentModel;
using Microsoft.AspNetCore.Mvc;

namespace VideoSearch.Web.Endpoints;

/// <summary>The query string of <c>POST /api/search/example</c> (search by an uploaded video).</summary>
internal sealed record ExampleParameters(
    [property: FromQuery(Name = "top"), Description("Videos to return (default 10).")] int? Top,
    [property: FromQuery(Name = "folder"), Description(FolderRule.Description)] string? Folder,
    [property: FromQuery(Name = "minDuration"), Description("Only videos at least this many seconds long.")] double? MinDuration,
    [property: FromQuery(Name = "maxDuration"), Description("Only videos at most this many seconds long.")] double? MaxDuration,
    [property: FromQuery(Name = "modifiedAfter"), Description("Only files modified at or after this ISO 8601 instant.")] DateTimeOffset? ModifiedAfter,
    [property: FromQuery(Name = "modifiedBefore"), Description("Only files modified before this ISO 8601 instant.")] DateTimeOffset? ModifiedBefore);
