namespace VideoSearch.Training.FineTuning;

/// <summary>Adds the backwards and mirrored copies <see cref="CaptionAugmentations"/> allows to the training clips
/// (before training, once: the copies are new arrays of the same preprocessed values, in another order).</summary>
public static class ClipAugmenter
{
    /// <summary>The samples followed by their copies: mirrored, backwards, and mirrored backwards.</summary>
    public static IReadOnlyList<TrainingSample> Augment(IReadOnlyList<TrainingSample> samples, CaptionAugmentations augmentations,
        int numFrames, int imageSize)
    {
        var all = new List<TrainingSample>(samples);
        foreach (TrainingSample sample in samples)
        {
            var mirrored = sample with { Caption = augmentations.MirroredCaption(sample.Caption), Pixels = Mirror(sample.Pixels, imageSize) };
            all.Add(mirrored);
            if (augmentations.Reversed(sample.Caption) is not { } backwards) continue;
            all.Add(sample with { Caption = backwards, Pixels = Reverse(sample.Pixels, numFrames) });
            if (augmentations.Reversed(mirrored.Caption) is { } both)
                all.Add(sample with { Caption = both, Pixels = Reverse(mirrored.Pixels, numFrames) });
        }
        return all;
    }

    // [frames, 3, H, W]: frame f becomes frame (frames - 1 - f).
    private static float[] Reverse(float[] pixels, int numFrames)
    {
        int frame = pixels.Length / numFrames;
        var reversed = new float[pixels.Length];
        for (int f = 0; f < numFrames; f++) Array.Copy(pixels, f * frame, reversed, (numFrames - 1 - f) * frame, frame);
        return reversed;
    }

    // [..., H, W]: each row read right to left.
    private static float[] Mirror(float[] pixels, int width)
    {
        var mirrored = new float[pixels.Length];
        for (int row = 0; row < pixels.Length; row += width)
            for (int x = 0; x < width; x++) mirrored[row + x] = pixels[row + width - 1 - x];
        return mirrored;
    }
}
