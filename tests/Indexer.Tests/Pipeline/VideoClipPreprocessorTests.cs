using VideoSearch.Core.Media;
using VideoSearch.Core.Preprocessing;
using VideoSearch.Indexer.Embedding;

namespace VideoSearch.Indexer.Tests.Pipeline;

public sealed class VideoClipPreprocessorTests
{
    private const int Frames = 4, Side = 224;

    [Fact]
    public void Preprocess_OverlappingClips_SameValuesAsEachFrameAloneAndSharedFramesOnce()
    {
        var processor = new VideoMaeImageProcessor(PreprocessorConfig.Default);
        RgbFrame[] pictures = Enumerable.Range(0, 6).Select(i => Frame(i)).ToArray();
        // Two windows sharing two pictures, the second also showing one picture twice (a short video).
        RgbFrame[][] clips = [pictures[..4], [pictures[2], pictures[3], pictures[4], pictures[4]]];
        var shared = new VideoClipPreprocessor(processor, Frames, Frames * 3 * Side * Side);

        float[][] results = clips.Select(shared.Preprocess).ToArray();

        for (int c = 0; c < clips.Length; c++)
        {
            var expected = new float[Frames * 3 * Side * Side];
            for (int f = 0; f < Frames; f++) processor.Preprocess(clips[c][f], expected.AsSpan(f * 3 * Side * Side, 3 * Side * Side));
            Assert.Equal(expected, results[c]);
        }
        Assert.Equal(5, shared.FramesPreprocessed); // pictures 0-4, each once
    }

    [Fact]
    public void Preprocess_WrongFrameCount_Throws()
    {
        var shared = new VideoClipPreprocessor(new VideoMaeImageProcessor(PreprocessorConfig.Default), Frames, Frames * 3 * Side * Side);
        Assert.Throws<ArgumentException>(() => shared.Preprocess([Frame(0)]));
    }

    private static RgbFrame Frame(int seed)
    {
        var random = new Random(seed);
        var pixels = new byte[320 * 240 * 3];
        random.NextBytes(pixels);
        return new RgbFrame(320, 240, pixels, seed);
    }
}
