namespace VideoSearch.Core.Media;

/// <summary>One planned clip: a window of the video and the times of its frames (seconds from the start of the file).</summary>
/// <param name="Index">Position in the plan, from 0.</param>
/// <param name="StartSeconds">Start of the window.</param>
/// <param name="EndSeconds">End of the window.</param>
/// <param name="FrameTimestamps">The frame times, ascending, one per model frame.</param>
public sealed record Clip(int Index, double StartSeconds, double EndSeconds, IReadOnlyList<double> FrameTimestamps);
