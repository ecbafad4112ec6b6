using SkiaSharp;

namespace VideoSearch.Training.Scenes;

/// <summary>
/// The colours drawn: each colour word as a nearly pure colour with a little jitter (so the model learns the word,
/// not one exact value), and backgrounds dark or mid-grey enough that every shape colour, white and yellow included,
/// stands out from them.
/// </summary>
internal static class SceneColours
{
    /// <summary>A jittered fill for <paramref name="colour"/>.</summary>
    public static SceneRgb Fill(SceneColour colour, ref SceneRandom random)
    {
        byte Low(ref SceneRandom r) => (byte)r.NextInt(0, 40);
        byte High(ref SceneRandom r) => (byte)r.NextInt(215, 255);
        switch (colour)
        {
            case SceneColour.Red:
                return new SceneRgb(High(ref random), Low(ref random), Low(ref random));
            case SceneColour.Green:
                return new SceneRgb(Low(ref random), (byte)random.NextInt(200, 255), Low(ref random));
            case SceneColour.Blue:
                // A touch of green keeps pure blue, whose luma is only 18, from sinking into a dark blue background.
                return new SceneRgb(Low(ref random), (byte)random.NextInt(40, 80), High(ref random));
            case SceneColour.Yellow:
                return new SceneRgb(High(ref random), (byte)random.NextInt(205, 245), Low(ref random));
            case SceneColour.White:
                int level = random.NextInt(225, 255);
                return new SceneRgb((byte)(level - random.NextInt(0, 8)), (byte)(level - random.NextInt(0, 8)), (byte)(level - random.NextInt(0, 8)));
            default:
                throw new ArgumentOutOfRangeException(nameof(colour), colour, "Not a scene colour.");
        }
    }

    /// <summary>A background base colour: mid-grey (<see cref="SceneRanges.GreyShare"/> of videos) or a dark colour of any hue.</summary>
    public static SceneRgb Background(ref SceneRandom random)
    {
        if (random.NextBool(SceneRanges.GreyShare))
        {
            byte grey = (byte)random.NextInt(SceneRanges.MinGrey, SceneRanges.MaxGrey);
            return new SceneRgb(grey, grey, grey);
        }
        float hue = (float)random.NextDouble(0, 360);
        float saturation = (float)random.NextDouble(30, 100);
        // Value is the brightest channel in percent: 8% to 25% keeps every channel at or below MaxDarkChannel (64).
        float value = (float)random.NextDouble(8, 100.0 * SceneRanges.MaxDarkChannel / 255);
        SKColor dark = SKColor.FromHsv(hue, saturation, value);
        return new SceneRgb(dark.Red, dark.Green, dark.Blue);
    }
}
