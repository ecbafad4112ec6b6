using System.CommandLine;
using System.Text.Json;
using TorchSharp;
using VideoSearch.Cli;
using VideoSearch.Core.Classification;
using VideoSearch.Core.Media;
using VideoSearch.Core.Model;
using VideoSearch.Core.Processing;
using VideoSearch.TestSupport;

namespace VideoSearch.Search.Tests;

public sealed class ClassifyCommandTests
{
    private static readonly string[] s_labels = ["playing sports", "eating spaghetti", "go shopping"];

    [Fact]
    public async Task Classify_FixedWindow_ProbabilitiesEqualModelOnProcessorOutput()
    {
        string kit = Fixtures.Reference("xclip-tiny-clipvocab");
        string video = Path.Combine(Fixtures.Media, "mp4_h264_aac_320x240.mp4");
        var output = new StringWriter();
        var error = new StringWriter();

        int code = await CommandLine.Build()
            .Parse(["classify", video, "--labels", string.Join(',', s_labels), "--model", kit, "--window", "1.5", "--json", "--precision", "fp32"])
            .InvokeAsync(new InvocationConfiguration { Output = output, Error = error });

        Assert.True(code == 0, error.ToString());
        var result = JsonSerializer.Deserialize<ClassificationResult>(output.ToString())!;
        Assert.Equal(s_labels, result.Labels);

        // The same frames through the processor and XClipModel.Forward directly.
        VideoInfo info = await new MediaProbe().ProbeAsync(video);
        var frames = await new FrameExtractor().ExtractAsync(info, result.FrameTimestamps.ToList());
        XClipInputs inputs = XClipProcessor.FromFolder(kit).Process(s_labels, [frames]);
        using var model = XClipModel.FromPretrained(kit);
        using var scope = torch.NewDisposeScope();
        using var direct = model.Forward(
            torch.tensor(inputs.Text!.InputIds, [inputs.Text.Rows, inputs.Text.Columns]),
            torch.tensor(inputs.Text.AttentionMask, [inputs.Text.Rows, inputs.Text.Columns]),
            torch.tensor(inputs.PixelValues!.Data, inputs.PixelValues.Shape));
        float[] expected = direct.LogitsPerVideo.softmax(-1)[0].data<float>().ToArray();

        // Same inputs and same kernels (fp32 on both sides; auto would pick bf16 on a CPU with it): only the softmax's summation order differs (double vs float32), so 1e-6.
        for (int i = 0; i < s_labels.Length; i++) Assert.Equal(expected[i], result.Probabilities[i], 1e-6f);
        Assert.Equal(1.0, result.Probabilities.Sum(p => (double)p), 1e-5);
        // --window 1.5 at 25 fps starts at frame 37: eight consecutive frames, each sampled at its middle.
        Assert.Equal(Enumerable.Range(37, 8).Select(i => (i + 0.5) / 25.0), result.FrameTimestamps, new ToleranceComparer(1e-9));
    }

    [Fact]
    public async Task Classify_SameSeed_SameWindow()
    {
        string kit = Fixtures.Reference("xclip-tiny-clipvocab");
        string video = Path.Combine(Fixtures.Media, "no_audio_320x240.mp4");
        async Task<string> RunAsync()
        {
            var output = new StringWriter();
            int code = await CommandLine.Build()
                .Parse(["classify", video, "--labels", "a,b", "--model", kit, "--seed", "7", "--json"])
                .InvokeAsync(new InvocationConfiguration { Output = output, Error = new StringWriter() });
            Assert.Equal(0, code);
            return output.ToString();
        }

        Assert.Equal(await RunAsync(), await RunAsync());
    }

    [Fact]
    public async Task Classify_MissingVideo_ExitsNotFound()
    {
        int code = await CommandLine.Build()
            .Parse(["classify", "/nonexistent/video.mp4", "--labels", "a,b", "--model", Fixtures.Reference("xclip-tiny-clipvocab")])
            .InvokeAsync(new InvocationConfiguration { Output = new StringWriter(), Error = new StringWriter() });
        Assert.Equal(3, code);
    }

    [Fact]
    public void RandomWindow_LikeModelCardExample_ConsecutiveInsideVideo()
    {
        for (int seed = 0; seed < 50; seed++)
        {
            long[] indices = ConsecutiveFrameSampler.RandomWindow(8, 150, seed);
            Assert.Equal(Enumerable.Range((int)indices[0], 8).Select(i => (long)i), indices);
            Assert.InRange(indices[7], 7, 149);
        }
        // Fewer frames than needed: frames repeat instead of failing (the Python example would raise).
        Assert.Equal(new long[] { 0, 0, 0, 1, 1, 2, 2, 2 }, ConsecutiveFrameSampler.RandomWindow(8, 3, 1));
    }

    private sealed class ToleranceComparer(double tolerance) : IEqualityComparer<double>
    {
        public bool Equals(double x, double y) => Math.Abs(x - y) <= tolerance;
        public int GetHashCode(double obj) => 0;
    }
}
