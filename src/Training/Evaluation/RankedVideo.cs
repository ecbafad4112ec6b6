using VideoSearch.Search.Contracts;

using VideoSearch.Training.Rows;

namespace VideoSearch.Training.Evaluation;

/// <summary>One video of a query's answer as the metrics read it: the rows file's name for it and its moments, best first.</summary>
/// <param name="Video">The video's full path as the rows file names it (<see cref="TrainingRow.Video"/>).</param>
/// <param name="Moments">The search's moments of the video, in the order the search returned them (best first).</param>
public sealed record RankedVideo(string Video, IReadOnlyList<Moment> Moments);
