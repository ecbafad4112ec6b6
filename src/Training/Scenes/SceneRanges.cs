namespace VideoSearch.Training.Scenes;

/// <summary>
/// The ranges the planner draws from. Sizes are fractions of the frame (radius of the height, travel of the side
/// the shape travels along) so that every frame size shows the same kinds of scene.
/// </summary>
public static class SceneRanges
{
    /// <summary>Smallest frame, 320x240.</summary>
    public const int MinWidth = 320, MinHeight = 240;

    /// <summary>Largest frame, 640x480.</summary>
    public const int MaxWidth = 640, MaxHeight = 480;

    /// <summary>Shape radius, as a fraction of the frame height: 8% to 35%.</summary>
    public const double MinRadius = 0.08, MaxRadius = 0.35;

    /// <summary>How far a moving shape's centre travels over its scene, as a fraction of the width or height: 25% to 45%.</summary>
    public const double MinTravel = 0.25, MaxTravel = 0.45;

    /// <summary>
    /// The end radius of a growing shape over its start radius (inverted for shrinking): 1.8 to 3, so the change is
    /// obvious even between the first and the last frames of a 4 s window.
    /// </summary>
    public const double MinSizeFactor = 1.8, MaxSizeFactor = 3.0;

    /// <summary>
    /// The share of a shape's radius that always stays inside the frame. A moving shape is fully in view where the
    /// frame allows; the largest shapes travelling furthest need a little room past the edge, never more than a
    /// quarter of the radius.
    /// </summary>
    public const double MinVisibleRadius = 0.75;

    /// <summary>Scene length in seconds: 4 to 8.</summary>
    public const int MinSceneSeconds = 4, MaxSceneSeconds = 8;

    /// <summary>Scenes per video: 3 to 5.</summary>
    public const int MinScenes = 3, MaxScenes = 5;

    /// <summary>
    /// Background noise amplitude in 8-bit levels: 2 to 6. Fresh noise every frame is what H.264 compresses worst:
    /// at +-9 a 10 s video took 2-3 MB and twice the encoding time of one at +-4 (80-300 KB).
    /// </summary>
    public const int MinNoise = 2, MaxNoise = 6;

    /// <summary>The brightest channel of a dark background (the grey ones are mid-grey, 96 to 128).</summary>
    public const int MaxDarkChannel = 64;

    /// <summary>The grey backgrounds' levels.</summary>
    public const int MinGrey = 96, MaxGrey = 128;

    /// <summary>The share of videos with a mid-grey background; the others are dark and of any hue.</summary>
    public const double GreyShare = 0.2;
}
