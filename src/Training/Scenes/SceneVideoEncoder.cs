using System.ComponentModel;
using System.Globalization;
using FFMpegCore;
using FFMpegCore.Exceptions;
using FFMpegCore.Pipes;
using VideoSearch.Core.Errors;
using VideoSearch.Core.Media;

namespace VideoSearch.Training.Scenes;

/// <summary>
/// Encodes one planned video to H.264 MP4 through FFMpegCore: the rendered rgb24 frames go through its raw video
/// pipe source into
/// <code>
/// ffmpeg -hide_banner -nostdin -nostats -loglevel error -f rawvideo -r FPS -pix_fmt rgb24 -s WxH -i PIPE
///        -c:v libx264 -preset ultrafast -crf 26 -pix_fmt yuv420p -threads 1 -colorspace smpte170m ...
///        -map_metadata -1 -fflags +bitexact -flags:v +bitexact -movflags +faststart -f mp4 PATH.partial -y
/// </code>
/// <list type="bullet">
/// <item><c>ultrafast</c> at CRF 26: a third of <c>veryfast</c>'s time at the same size (about 100-130 KB per 10 s)
/// on these pictures. The fresh noise of every frame is what costs bits; CRF 26 flattens most of it (a standard
/// deviation of 3.8 levels drawn, 0.3 decoded) where CRF 23 kept it and reached 3.5 MB per 10 s at +-6 levels. The
/// flat shapes decode within a few levels of their colour either way.</item>
/// <item>One encoder thread: x264's output then depends only on its input, so the same frames give the same file,
/// and videos are encoded side by side instead (<see cref="SceneSetGenerator"/>).</item>
/// <item>BT.601 tags: swscale converts untagged RGB with BT.601, and the project's frame extraction converts
/// untagged or BT.601 video back with it, so decoded colours match the drawn ones.</item>
/// <item>bitexact and no metadata: no encoder version or time in the container.</item>
/// <item>The file is written under <see cref="SceneSetLayout.PartialSuffix"/> and renamed once ffmpeg has finished,
/// so a video under its final name is always complete; cancellation kills ffmpeg, waits for it and deletes the
/// partial file.</item>
/// </list>
/// </summary>
public sealed class SceneVideoEncoder(MediaToolOptions? options = null)
{
    /// <summary>The output options after the input (see the class summary).</summary>
    public const string OutputArguments =
        "-c:v libx264 -preset ultrafast -crf 26 -pix_fmt yuv420p -threads 1 " +
        "-colorspace smpte170m -color_primaries smpte170m -color_trc smpte170m -color_range tv " +
        "-map_metadata -1 -fflags +bitexact -flags:v +bitexact -movflags +faststart";

    private readonly MediaToolOptions _options = options ?? MediaToolOptions.Default;

    /// <summary>
    /// The longest one video may take: 60 s plus 5 s per second of video (encoding runs at several times real time
    /// on one loaded core; the limit only catches a stuck ffmpeg).
    /// </summary>
    public static TimeSpan TimeLimit(VideoPlan video) => TimeSpan.FromSeconds(60 + 5 * video.DurationSeconds);

    /// <summary>
    /// Renders and encodes <paramref name="video"/> to <paramref name="path"/> (replaced if present). Throws
    /// <see cref="SceneSetException"/> when ffmpeg is missing or fails, <see cref="OperationCanceledException"/> on
    /// cancellation; either way no file is left at <paramref name="path"/> or under its partial name.
    /// </summary>
    public async Task EncodeAsync(VideoPlan video, string path, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(video);
        ArgumentException.ThrowIfNullOrEmpty(path);
        cancellationToken.ThrowIfCancellationRequested();
        string partial = path + SceneSetLayout.PartialSuffix;
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        using var limit = new CancellationTokenSource(TimeLimit(video));
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, limit.Token);
        var ffOptions = new FFOptions { BinaryFolder = _options.BinaryFolder ?? string.Empty };
        EnsureFfmpegInFolder(ffOptions);
        using var frames = new SceneVideoFrames(video, stop.Token);
        var source = new RawVideoPipeSource(frames) { FrameRate = video.FramesPerSecond };
        bool done = false;
        try
        {
            // Off the caller's thread: FFMpegCore checks the executable and renders the first frame synchronously.
            FFMpegResult result = await Task.Run(() => FFMpegArguments
                .FromPipeInput(source, input => input.WithCustomArgument("-hide_banner -nostdin -nostats -loglevel error"))
                .OutputToFile(partial, overwrite: true, output => output.WithCustomArgument(OutputArguments).ForceFormat("mp4"))
                .CancellableThrough(stop.Token)
                .ProcessAsynchronously(throwOnError: false, ffOptions), CancellationToken.None)
                .ConfigureAwait(false);
            if (result.Cancelled || stop.IsCancellationRequested) throw new OperationCanceledException(stop.Token);
            if (result.ExitCode != 0)
            {
                string said = string.Join(" / ", result.StandardError.Where(l => l.Length > 0).TakeLast(3));
                throw new SceneSetException(ErrorKind.Failed, $"ffmpeg could not encode {path} (exit code {result.ExitCode}: {said}).");
            }
            File.Move(partial, path, overwrite: true);
            done = true;
        }
        catch (OperationCanceledException e) when (!cancellationToken.IsCancellationRequested && limit.IsCancellationRequested)
        {
            string seconds = TimeLimit(video).TotalSeconds.ToString("0", CultureInfo.InvariantCulture);
            throw new SceneSetException(ErrorKind.Failed, $"ffmpeg did not finish {path} within {seconds} s and was stopped.", e);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw new OperationCanceledException(cancellationToken);
        }
        catch (Exception e) when (e is Win32Exception || e.GetType() == typeof(FFMpegException))
        {
            // FFMpegCore's own "not found" check throws the plain FFMpegException; an unrunnable file, Win32Exception.
            throw new SceneSetException(ErrorKind.Environment, $"ffmpeg could not be started ({e.Message}); install ffmpeg (scripts/install-deps).", e);
        }
        finally
        {
            if (!done) File.Delete(partial);
        }
    }

    /// <summary>
    /// FFMpegCore falls back to PATH when the configured folder lacks ffmpeg; as in the rest of the media code, a
    /// configured folder without it is a setup mistake to report.
    /// </summary>
    private static void EnsureFfmpegInFolder(FFOptions ffOptions)
    {
        if (ffOptions.BinaryFolder.Length > 0 && GlobalFFOptions.GetFFMpegBinaryPath(ffOptions) == "ffmpeg")
        {
            throw new SceneSetException(ErrorKind.Environment,
                $"There is no ffmpeg in '{ffOptions.BinaryFolder}'; install ffmpeg (scripts/install-deps) or fix the configured folder.");
        }
    }
}
