using FFMpegCore.Pipes;

namespace VideoSearch.Training.Scenes;

/// <summary>
/// The frames of one video as FFMpegCore's raw video source wants them: an enumeration of <see cref="IVideoFrame"/>,
/// each rendered when the pipe asks for it into one reused buffer (FFMpegCore writes a frame out before it asks for
/// the next), so a video of any length needs one frame of memory. It owns the renderer, because FFMpegCore never
/// disposes the enumerator it is given (an encode that fails midway leaves it suspended).
/// </summary>
internal sealed class SceneVideoFrames : IEnumerable<IVideoFrame>, IDisposable
{
    private readonly VideoPlan _video;
    private readonly CancellationToken _cancellationToken;
    private readonly SceneFrameRenderer _renderer;

    public SceneVideoFrames(VideoPlan video, CancellationToken cancellationToken)
    {
        _video = video;
        _cancellationToken = cancellationToken;
        _renderer = new SceneFrameRenderer(video);
    }

    public IEnumerator<IVideoFrame> GetEnumerator()
    {
        var frame = new Frame(_video.Width, _video.Height, new byte[_renderer.FrameBytes]);
        for (int i = 0; i < _video.FrameCount; i++)
        {
            _cancellationToken.ThrowIfCancellationRequested();
            _renderer.Render(i, frame.Pixels);
            yield return frame;
        }
    }

    System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();

    public void Dispose() => _renderer.Dispose();

    private sealed class Frame(int width, int height, byte[] pixels) : IVideoFrame
    {
        public byte[] Pixels => pixels;

        public int Width => width;

        public int Height => height;

        public string PixelFormat => "rgb24";

        public void Serialize(Stream pipe) => pipe.Write(pixels);

        public Task SerializeAsync(Stream pipe, CancellationToken token) => pipe.WriteAsync(pixels, token).AsTask();
    }
}
