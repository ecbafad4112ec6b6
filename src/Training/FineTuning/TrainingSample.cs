namespace VideoSearch.Training.FineTuning;

/// <summary>One clip window inside a row: its preprocessed frames <c>[num_frames, 3, H, W]</c> and the row's caption.</summary>
/// <param name="Row">Index of the row in its rows file.</param>
/// <param name="Caption">The row's caption.</param>
/// <param name="StartSeconds">Where the window starts in the video.</param>
/// <param name="Pixels">The window's frames, preprocessed exactly as indexing preprocesses them.</param>
public sealed record TrainingSample(int Row, string Caption, double StartSeconds, float[] Pixels);
