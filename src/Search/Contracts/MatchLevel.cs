using System.Text.Json.Serialization;

namespace VideoSearch.Search.Contracts;

/// <summary>
/// How well a result matches, judged against the library's own score distribution for the query
/// (see <see cref="ScoreCalibration"/>). Serialised as lowercase strings (<c>"strong"</c>), in every front end.
/// </summary>
[JsonConverter(typeof(JsonStringEnumConverter<MatchLevel>))]
public enum MatchLevel
{
    /// <summary>Nothing matched (no results); only ever a page's <see cref="SearchResponse.BestMatch"/>.</summary>
    [JsonStringEnumMemberName("none")]
    None = 0,

    /// <summary>The best the library has, but not clearly above what unrelated clips score.</summary>
    [JsonStringEnumMemberName("weak")]
    Weak = 1,

    /// <summary>Well above what unrelated clips score.</summary>
    [JsonStringEnumMemberName("good")]
    Good = 2,

    /// <summary>Far above what unrelated clips score.</summary>
    [JsonStringEnumMemberName("strong")]
    Strong = 3,
}
