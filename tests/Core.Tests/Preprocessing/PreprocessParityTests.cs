using VideoSearch.Core.Checkpoints;
using VideoSearch.Core.Tests.Checkpoints;
using System.Text.Json;
using VideoSearch.Core.Media;
using VideoSearch.Core.Preprocessing;
using VideoSearch.TestSupport;

namespace VideoSearch.Core.Tests.Preprocessing;

/// <summary>Parity with the golden outputs of transformers' VideoMAEImageProcessor (PIL path), every case of the kit.</summary>
public class PreprocessParityTests
{
    // float32 rounding of rescale + normalise is at most 4.8e-7 (kit README); 1e-5 leaves a 20x margin while a
    // one-level pixel error (0.017 in normalised units) still fails.
    private const float Tolerance = 1e-5f;

    private static string Kit => Fixtures.Reference("preprocess");

    public static TheoryData<string> Cases()
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(Kit, "cases.json")));
        var data = new TheoryData<string>();
        foreach (var c in doc.RootElement.GetProperty("cases").EnumerateArray()) data.Add(c.GetProperty("name").GetString()!);
        return data;
    }

    [Fact]
    public void Cases_Kit_ListsAllEightCases()
    {
        Assert.Equal(8, Cases().Count);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Resize_GoldenCase_IdenticalToPil(string name)
    {
        using var file = SafetensorsFile.Open(Path.Combine(Kit, name + ".safetensors"));
        foreach (var (index, frames) in Videos(file))
        {
            long[] shape = file.Shape($"video{index}/resized");
            byte[] expected = file.ReadU8($"video{index}/resized");
            var size = new ImageSize((int)shape[1], (int)shape[2]);
            int frameLength = size.Height * size.Width * 3;
            var actual = new byte[frameLength];
            for (int f = 0; f < frames.Count; f++)
            {
                PilBilinearResizer.Resize(frames[f].Pixels, new ImageSize(frames[f].Height, frames[f].Width), actual, size);
                int differing = 0;
                for (int i = 0; i < frameLength; i++) if (actual[i] != expected[f * frameLength + i]) differing++;
                Assert.True(differing == 0, $"{name} video {index} frame {f}: {differing} of {frameLength} bytes differ from PIL.");
            }
        }
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void PreprocessVideos_GoldenCase_MatchesPixelValues(string name)
    {
        using var file = SafetensorsFile.Open(Path.Combine(Kit, name + ".safetensors"));
        var processor = new VideoMaeImageProcessor(PreprocessorConfig.Default);
        var videos = Videos(file).Select(v => v.Frames).ToList();

        var actual = processor.PreprocessVideos(videos);

        Assert.Equal(file.Shape("pixel_values"), actual.Shape);
        float[] expected = file.ReadF32("pixel_values");
        Assert.Equal(expected.Length, actual.Data.Length);
        float worst = 0;
        int worstIndex = -1;
        for (int i = 0; i < expected.Length; i++)
        {
            float difference = Math.Abs(expected[i] - actual.Data[i]);
            if (difference > worst) (worst, worstIndex) = (difference, i);
        }
        Assert.True(worst <= Tolerance, $"{name}: max |difference| {worst} at flat index {worstIndex}.");
    }

    [Fact]
    public void PreprocessVideos_ParallelOverFrames_SameAsSequential()
    {
        using var file = SafetensorsFile.Open(Path.Combine(Kit, "batch2_400x300_300x400.safetensors"));
        var processor = new VideoMaeImageProcessor(PreprocessorConfig.Default);
        var videos = Videos(file).Select(v => v.Frames).ToList();

        var sequential = processor.PreprocessVideos(videos);
        var parallel = processor.PreprocessVideos(videos, maxDegreeOfParallelism: 4);

        Assert.Equal(sequential.Shape, parallel.Shape);
        Assert.Equal(sequential.Data, parallel.Data);
    }

    private static List<(int Index, IReadOnlyList<RgbFrame> Frames)> Videos(SafetensorsFile file)
    {
        var videos = new List<(int, IReadOnlyList<RgbFrame>)>();
        for (int v = 0; file.Contains($"video{v}/frames"); v++)
        {
            long[] shape = file.Shape($"video{v}/frames");
            byte[] all = file.ReadU8($"video{v}/frames");
            int height = (int)shape[1], width = (int)shape[2], length = height * width * 3;
            var frames = new List<RgbFrame>();
            for (int f = 0; f < shape[0]; f++)
                frames.Add(new RgbFrame(width, height, all.AsSpan(f * length, length).ToArray(), f));
            videos.Add((v, frames));
        }
        Assert.NotEmpty(videos);
        return videos;
    }
}
