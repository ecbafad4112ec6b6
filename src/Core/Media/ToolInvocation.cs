namespace VideoSearch.Core.Media;

/// <summary>One ffprobe/ffmpeg command: what to run, for which media file (named in errors), and its time limit.</summary>
internal sealed record ToolInvocation(string Executable, IReadOnlyList<string> Arguments, string MediaPath, TimeSpan Timeout);
