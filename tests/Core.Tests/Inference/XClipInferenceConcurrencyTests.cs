using VideoSearch.Core.Inference;
using VideoSearch.TestSupport;

namespace VideoSearch.Core.Tests.Inference;

public sealed class XClipInferenceConcurrencyTests
{
    [Fact]
    public async Task QueryAndVisionCalls_RunningAtTheSameTime_GiveTheSameNumbersAsOneByOne()
    {
        using var inference = XClipInference.Load(Fixtures.Reference("xclip-tiny-clipvocab"));
        var vision = inference.Config.VisionConfig;
        int clips = 6, perClip = vision.NumFrames * vision.NumChannels * vision.ImageSize * vision.ImageSize;
        var random = new Random(5);
        float[] pixels = Enumerable.Range(0, clips * perClip).Select(_ => (float)random.NextDouble() * 2 - 1).ToArray();
        long[][] queries = [[49406, 320, 1929, 49407], [49406, 550, 49407]];

        var videos = await inference.EncodeVideosAsync(pixels, clips);
        float[] embeddings = videos.SelectMany(v => v.Embedding).ToArray();
        float[] contexts = videos.SelectMany(v => v.Context).ToArray();
        float[][] texts = await inference.EncodeTextsAsync(queries);
        float[][] scores = await inference.ScoreAsync(texts, embeddings, contexts, clips);

        for (int round = 0; round < 10; round++)
        {
            var videoTask = Task.Run(() => inference.EncodeVideosAsync(pixels, clips));
            var queryTasks = Enumerable.Range(0, 4).Select(_ => Task.Run(async () =>
            {
                float[][] t = await inference.EncodeTextsAsync(queries);
                return (t, await inference.ScoreAsync(t, embeddings, contexts, clips));
            })).ToArray();

            // Bit-identical: each tower still runs one call at a time, so only scheduling changes, never the arithmetic.
            var again = await videoTask;
            for (int c = 0; c < clips; c++)
            {
                Assert.Equal(videos[c].Embedding, again[c].Embedding);
                Assert.Equal(videos[c].Context, again[c].Context);
            }
            foreach (var (t, s) in await Task.WhenAll(queryTasks))
            {
                Assert.Equal(texts, t);
                Assert.Equal(scores, s);
            }
        }
    }
}
