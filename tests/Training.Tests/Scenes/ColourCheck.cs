using VideoSearch.Training.Scenes;

namespace VideoSearch.Training.Tests.Scenes;

/// <summary>Names a drawn or decoded colour by the nearest pure vocabulary colour.</summary>
internal static class ColourCheck
{
    private static readonly (SceneColour Colour, SceneRgb Pure)[] s_pure =
    [
        (SceneColour.Red, new SceneRgb(255, 0, 0)),
        (SceneColour.Green, new SceneRgb(0, 255, 0)),
        (SceneColour.Blue, new SceneRgb(0, 0, 255)),
        (SceneColour.Yellow, new SceneRgb(255, 255, 0)),
        (SceneColour.White, new SceneRgb(255, 255, 255)),
    ];

    public static SceneColour Nearest(SceneRgb colour) => s_pure.MinBy(p => Distance(p.Pure, colour)).Colour;

    public static int LargestChannelGap(SceneRgb a, SceneRgb b) =>
        Math.Max(Math.Abs(a.R - b.R), Math.Max(Math.Abs(a.G - b.G), Math.Abs(a.B - b.B)));

    private static int Distance(SceneRgb a, SceneRgb b) =>
        (a.R - b.R) * (a.R - b.R) + (a.G - b.G) * (a.G - b.G) + (a.B - b.B) * (a.B - b.B);
}
