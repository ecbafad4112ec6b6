namespace VideoSearch.Training.Scenes;

/// <summary>
/// Plans scene sets without drawing anything: from a seed to the videos, their sizes, backgrounds and scenes (words,
/// colours, trajectories). Each video is planned from its own stream, derived from the seed, its split and its
/// number, so a video's content does not depend on how many others are asked for, and the splits never share a video.
/// </summary>
public static class ScenePlanner
{
    /// <summary>Every video of the set <paramref name="options"/> asks for: train, then validation, then test, each by number.</summary>
    public static IReadOnlyList<VideoPlan> Plan(SceneSetOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        return [.. from split in SceneSetLayout.Splits
                   from index in Enumerable.Range(0, options.VideosIn(split))
                   select PlanVideo(options.Seed, split, index, options.FramesPerSecond)];
    }

    /// <summary>Video <paramref name="index"/> of <paramref name="split"/> of the set with <paramref name="seed"/>.</summary>
    public static VideoPlan PlanVideo(ulong seed, SceneSplit split, int index, int framesPerSecond)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfLessThan(framesPerSecond, 1);
        var random = SceneRandom.Derive(seed, (long)split, index);
        int width = 2 * random.NextInt(SceneRanges.MinWidth / 2, SceneRanges.MaxWidth / 2);
        // Landscape or square: height up to the width, within 240..480.
        int height = 2 * random.NextInt(SceneRanges.MinHeight / 2, Math.Min(SceneRanges.MaxHeight, width) / 2);
        SceneRgb backgroundBase = SceneColours.Background(ref random);
        var background = new SceneBackground(backgroundBase, random.NextInt(SceneRanges.MinNoise, SceneRanges.MaxNoise), random.NextUInt64());

        int sceneCount = random.NextInt(SceneRanges.MinScenes, SceneRanges.MaxScenes);
        var scenes = new List<ScenePlan>(sceneCount);
        var captions = new HashSet<string>(StringComparer.Ordinal);
        int firstFrame = 0;
        while (scenes.Count < sceneCount)
        {
            SceneColour colour = random.Pick(SceneVocabulary.Colours);
            SceneShape shape = random.Pick(SceneVocabulary.Shapes);
            SceneMotion motion = random.Pick(SceneVocabulary.Motions);
            // Redraw until the caption is new in this video and the shape or its colour changes at the boundary,
            // so every cut is visible in the picture. 90 captions: a few redraws at most.
            if (!captions.Add(SceneVocabulary.Caption(colour, shape, motion))) continue;
            if (scenes.Count > 0 && scenes[^1].Colour == colour && scenes[^1].Shape == shape)
            {
                captions.Remove(SceneVocabulary.Caption(colour, shape, motion));
                continue;
            }
            int frames = random.NextInt(SceneRanges.MinSceneSeconds * framesPerSecond, SceneRanges.MaxSceneSeconds * framesPerSecond);
            scenes.Add(PlanScene(ref random, colour, shape, motion, firstFrame, frames, width, height));
            firstFrame += frames;
        }
        return new VideoPlan(split, index, width, height, framesPerSecond, background, scenes);
    }

    private static ScenePlan PlanScene(
        ref SceneRandom random, SceneColour colour, SceneShape shape, SceneMotion motion, int firstFrame, int frames, int width, int height)
    {
        SceneRgb fill = SceneColours.Fill(colour, ref random);
        ScenePoint start, end;
        double startRadius, endRadius;
        if (motion is SceneMotion.Growing or SceneMotion.Shrinking)
        {
            double factor = random.NextDouble(SceneRanges.MinSizeFactor, SceneRanges.MaxSizeFactor);
            double small = height * random.NextDouble(SceneRanges.MinRadius, SceneRanges.MaxRadius / factor);
            double large = small * factor;
            // The largest the shape gets stays fully in view; the centre does not move.
            start = end = new ScenePoint(random.NextDouble(large, width - large), random.NextDouble(large, height - large));
            (startRadius, endRadius) = motion == SceneMotion.Growing ? (small, large) : (large, small);
        }
        else
        {
            double radius = height * random.NextDouble(SceneRanges.MinRadius, SceneRanges.MaxRadius);
            bool horizontal = motion is SceneMotion.MovingLeft or SceneMotion.MovingRight;
            double along = horizontal ? width : height, across = horizontal ? height : width;
            double travel = along * random.NextDouble(SceneRanges.MinTravel, SceneRanges.MaxTravel);
            // Fully in view where the frame has room for the whole journey, otherwise as much as it has (at least
            // MinVisibleRadius of the radius: see SceneRanges).
            double margin = Math.Min(radius, (along - travel) / 2);
            double low = random.NextDouble(margin, along - margin - travel);
            double side = random.NextDouble(radius, across - radius);
            bool forwards = motion is SceneMotion.MovingRight or SceneMotion.MovingDown;
            (double from, double to) = forwards ? (low, low + travel) : (low + travel, low);
            start = horizontal ? new ScenePoint(from, side) : new ScenePoint(side, from);
            end = horizontal ? new ScenePoint(to, side) : new ScenePoint(side, to);
            startRadius = endRadius = radius;
        }
        return new ScenePlan(colour, shape, motion, fill, firstFrame, frames, start, end, startRadius, endRadius);
    }
}
