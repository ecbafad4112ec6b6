namespace VideoSearch.Training.Scenes;

/// <summary>
/// One scene of a video: one shape of one colour making one motion over a run of whole frames. The centre and the
/// radius go from their start values on the first frame to their end values on the last one (the centre linearly,
/// the radius geometrically, so growing looks steady).
/// </summary>
/// <param name="Colour">The colour word.</param>
/// <param name="Shape">The shape word.</param>
/// <param name="Motion">The motion phrase.</param>
/// <param name="Fill">The exact colour drawn (the word's colour with a little jitter).</param>
/// <param name="FirstFrame">The video frame the scene starts on (0-based).</param>
/// <param name="FrameCount">How many frames the scene lasts.</param>
/// <param name="StartCentre">The centre on the first frame.</param>
/// <param name="EndCentre">The centre on the last frame.</param>
/// <param name="StartRadius">The radius on the first frame, in pixels.</param>
/// <param name="EndRadius">The radius on the last frame, in pixels.</param>
public sealed record ScenePlan(
    SceneColour Colour,
    SceneShape Shape,
    SceneMotion Motion,
    SceneRgb Fill,
    int FirstFrame,
    int FrameCount,
    ScenePoint StartCentre,
    ScenePoint EndCentre,
    double StartRadius,
    double EndRadius)
{
    /// <summary>The caption, <c>"a {colour} {shape} {motion}"</c>.</summary>
    public string Caption => SceneVocabulary.Caption(Colour, Shape, Motion);

    /// <summary>The frame after the scene's last one.</summary>
    public int EndFrame => FirstFrame + FrameCount;

    /// <summary>The scene's start in seconds: its first frame's time.</summary>
    public double StartSeconds(int framesPerSecond) => (double)FirstFrame / framesPerSecond;

    /// <summary>The scene's end in seconds: the end of its last frame's display interval.</summary>
    public double EndSeconds(int framesPerSecond) => (double)EndFrame / framesPerSecond;

    /// <summary>How far into the scene frame <paramref name="localFrame"/> (0-based within the scene) is: 0 on the first, 1 on the last.</summary>
    public double Progress(int localFrame) => FrameCount <= 1 ? 0 : Math.Clamp((double)localFrame / (FrameCount - 1), 0, 1);

    /// <summary>The centre on frame <paramref name="localFrame"/> of the scene.</summary>
    public ScenePoint CentreAt(int localFrame)
    {
        double t = Progress(localFrame);
        return new ScenePoint(StartCentre.X + (EndCentre.X - StartCentre.X) * t, StartCentre.Y + (EndCentre.Y - StartCentre.Y) * t);
    }

    /// <summary>The radius on frame <paramref name="localFrame"/> of the scene.</summary>
    public double RadiusAt(int localFrame) => StartRadius * Math.Pow(EndRadius / StartRadius, Progress(localFrame));
}
