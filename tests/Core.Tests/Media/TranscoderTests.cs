using System.Diagnostics;
using VideoSearch.Core.Media;
using VideoSearch.TestSupport;

namespace VideoSearch.Core.Tests.Media;

public class TranscoderTests
{
    private readonly MediaProbe _probe = new();
    private readonly Transcoder _transcoder = new();

    [Fact]
    public async Task TranscodeAsync_MjpegAviFromOneSecond_GivesH264AacMp4OfTheRest()
    {
        VideoInfo source = await _probe.ProbeAsync(MediaManifest.PathOf("avi_mjpeg_pcm_320x240.avi"));

        VideoInfo output = await TranscodeAndProbeAsync(source, 1.0);

        Assert.Equal("h264", output.VideoCodec);
        Assert.Equal("yuv420p", output.PixelFormat);
        Assert.Equal("aac", output.AudioCodec);
        Assert.Equal((320, 240), (output.DisplayWidth, output.DisplayHeight));
        Assert.True(BrowserPlayback.Decide(output).Direct, BrowserPlayback.Decide(output).Reason);
        // 4 s from 1 s: 3 s of video (45 frames at 15 fps); one frame interval either way for where the seek lands.
        Assert.InRange(output.DurationSeconds, 3.0 - 1 / 15.0, 3.0 + 1 / 15.0);
    }

    [Fact]
    public async Task TranscodeAsync_UhdVideo_ScaledTo1280WideKeepingTheShape()
    {
        VideoInfo source = await _probe.ProbeAsync(MediaManifest.PathOf("uhd_3840x2160_10frames.mp4"));

        VideoInfo output = await TranscodeAndProbeAsync(source, 0);

        Assert.Equal((1280, 720), (output.DisplayWidth, output.DisplayHeight));
        Assert.Null(output.AudioCodec);
    }

    [Fact]
    public async Task TranscodeAsync_PhoneVideoWithRotation_ComesOutUpright()
    {
        VideoInfo source = await _probe.ProbeAsync(MediaManifest.PathOf("rotated_phone_270.mp4"));

        VideoInfo output = await TranscodeAndProbeAsync(source, 0);

        Assert.Equal((240, 320), (output.CodedWidth, output.CodedHeight));
        Assert.Equal(0, output.Rotation);
    }

    [Theory]
    [InlineData(-0.5)]
    [InlineData(4.0)]
    [InlineData(double.NaN)]
    public async Task TranscodeAsync_StartOutsideTheVideo_Throws(double start)
    {
        VideoInfo source = await _probe.ProbeAsync(MediaManifest.PathOf("avi_mjpeg_pcm_320x240.avi"));

        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => _transcoder.TranscodeAsync(source, start, Stream.Null));
    }

    [Fact]
    public async Task TranscodeAsync_DestinationFails_StopsFfmpegAndReportsTheFailure()
    {
        using var copy = new TempFileCopy(MediaManifest.PathOf("scenes_2min_320x240.mp4"));
        VideoInfo source = await _probe.ProbeAsync(copy.Path);
        await using var destination = new FailingStream(failAfterBytes: 100_000);

        await Assert.ThrowsAsync<IOException>(() => _transcoder.TranscodeAsync(source, 10, destination));

        Assert.True(destination.Written >= 100_000, $"only {destination.Written} bytes arrived");
        Assert.Empty(ProcessTable.Mentioning(copy.Path));
    }

    [Fact]
    public async Task TranscodeAsync_Cancelled_StopsFfmpegAtOnce()
    {
        using var copy = new TempFileCopy(MediaManifest.PathOf("scenes_2min_320x240.mp4"));
        VideoInfo source = await _probe.ProbeAsync(copy.Path);
        using var cancel = new CancellationTokenSource();
        await using var destination = new FailingStream(failAfterBytes: long.MaxValue, onWrite: () => cancel.Cancel());

        var clock = Stopwatch.StartNew();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => _transcoder.TranscodeAsync(source, 0, destination, cancel.Token));

        // Two minutes of video would take far longer than this to transcode: the call ended because of the cancellation.
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"took {clock.Elapsed}");
        Assert.Empty(ProcessTable.Mentioning(copy.Path));
    }

    private async Task<VideoInfo> TranscodeAndProbeAsync(VideoInfo source, double start)
    {
        string output = Path.Combine(Path.GetTempPath(), $"videosearch-transcode-{Guid.NewGuid():N}.mp4");
        try
        {
            await using (var file = File.Create(output)) await _transcoder.TranscodeAsync(source, start, file);
            return await _probe.ProbeAsync(output);
        }
        finally
        {
            File.Delete(output);
        }
    }

    /// <summary>A destination that takes <c>failAfterBytes</c> and then fails as a closed connection does.</summary>
    private sealed class FailingStream(long failAfterBytes, Action? onWrite = null) : Stream
    {
        public long Written { get; private set; }

        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => WriteAsync(buffer.AsMemory(offset, count)).AsTask().GetAwaiter().GetResult();

        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (Written >= failAfterBytes) throw new IOException("The connection was closed.");
            Written += buffer.Length;
            onWrite?.Invoke();
            return ValueTask.CompletedTask;
        }
    }
}
