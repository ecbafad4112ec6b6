namespace VideoSearch.Training.Scenes;

/// <summary>A position in a frame, in pixels from the top-left corner (y grows downwards).</summary>
public readonly record struct ScenePoint(double X, double Y);
