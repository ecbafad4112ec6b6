namespace VideoSearch.Core.Media;

/// <summary>A frame ffmpeg sent to the pipe: its time relative to the seek point (null if it had none) and its size.</summary>
internal readonly record struct SelectedFrame(double? Seconds, int Width, int Height);
