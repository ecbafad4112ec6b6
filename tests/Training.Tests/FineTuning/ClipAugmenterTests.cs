using VideoSearch.Training.FineTuning;
using VideoSearch.Training.Scenes;

namespace VideoSearch.Training.Tests.FineTuning;

public sealed class ClipAugmenterTests
{
    private static readonly CaptionAugmentations Scenes = SceneVocabulary.Augmentations;

    [Theory]
    [InlineData("a red circle moving left", "a red circle moving right", "a red circle moving right")]
    [InlineData("a blue square moving up", "a blue square moving down", "a blue square moving up")]
    [InlineData("a white triangle growing", "a white triangle shrinking", "a white triangle growing")]
    public void Captions_SwapTheMotionPlayedBackwards_AndOnlyLeftAndRightMirrored(string caption, string backwards, string mirrored)
    {
        Assert.Equal(backwards, Scenes.Reversed(caption));
        Assert.Equal(mirrored, Scenes.MirroredCaption(caption));
    }

    [Fact]
    public void Reversed_CaptionWithoutAKnownPhrase_HasNone()
    {
        Assert.Null(Scenes.Reversed("a dog catching a frisbee"));
        Assert.Equal("a dog catching a frisbee", Scenes.MirroredCaption("a dog catching a frisbee"));
        // Whole words only: "growingly" is not "growing".
        Assert.Null(Scenes.Reversed("a circle growingly"));
    }

    [Fact]
    public void Augment_AddsMirroredAndBackwardsCopies_WithTheirPixelsMoved()
    {
        // 2 frames of 1 channel-plane triple, 2x2 pixels: values name frame, channel, row and column.
        const int frames = 2, size = 2;
        float[] pixels = [.. Enumerable.Range(0, frames * 3 * size * size).Select(i => (float)i)];
        var samples = new[] { new TrainingSample(0, "a red circle moving left", 0, pixels), new TrainingSample(1, "a dog", 0, pixels) };
        var all = ClipAugmenter.Augment(samples, Scenes, frames, size);

        Assert.Equal(["a red circle moving left", "a dog", "a red circle moving right", "a red circle moving right", "a red circle moving left", "a dog"],
            all.Select(s => s.Caption));
        var mirrored = all[2].Pixels;
        Assert.Equal([1f, 0f, 3f, 2f], mirrored[..4]);
        var backwards = all[3].Pixels;
        Assert.Equal(pixels[12..], backwards[..12]);
        Assert.Equal(pixels[..12], backwards[12..]);
        Assert.Equal([13f, 12f, 15f, 14f], all[4].Pixels[..4]);
        Assert.Same(pixels, all[0].Pixels);
    }

    [Fact]
    public void Load_RoundTripsTheGeneratorsFile_AndRefusesAnotherShape()
    {
        string path = Path.GetTempFileName();
        try
        {
            File.WriteAllText(path, Scenes.ToJson());
            var read = CaptionAugmentations.Load(path);
            Assert.Equal(Scenes.TimeReversed.OrderBy(p => p.Key), read.TimeReversed.OrderBy(p => p.Key));
            File.WriteAllText(path, """{"time_reversed": {}}""");
            Assert.Contains("needs \"time_reversed\" and \"mirrored\"", Assert.Throws<TrainingDataException>(() => CaptionAugmentations.Load(path)).Message);
        }
        finally { File.Delete(path); }
    }
}
