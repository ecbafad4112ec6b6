using System.Collections.Concurrent;
using System.Diagnostics;
using VideoSearch.Core.Media;
using VideoSearch.Core.Thumbnails;
using VideoSearch.Indexer.Progress;
using VideoSearch.Core.Catalog;
using VideoSearch.Search.Contracts;
using VideoSearch.Search.Ranking;
using VideoSearch.TestSupport;
using VideoSearch.Web.Library;

namespace VideoSearch.Web.Tests.Support;

/// <summary>
/// A temporary media folder built from the committed fixtures, plus the traps a server must not fall into: a link
/// to a file outside, a link to a folder outside, a non-video file. Also the catalog's view of it (videos, clips,
/// thumbnails made from real frames, one preview strip) and an indexing status with a failed file.
/// </summary>
internal sealed class SampleMedia : IDisposable
{
    /// <summary>Frames already decoded, by source file name and time: every sample folder holds the same files.</summary>
    private static readonly ConcurrentDictionary<(string File, double Seconds), byte[]> s_thumbnails = new();

    /// <summary>The best clip's preview strip, from four frames of its 10 s span as the indexer picks them.</summary>
    private static readonly Lazy<byte[]> s_previews = new(() => new PreviewStripEncoder().Encode(
        Enumerable.Range(0, 8).Select(i => Frame(Path.Combine(Fixtures.Media, "scenes_2min_320x240.mp4"), BestClipStart + (i + 0.5) * 10 / 8)).ToList()));

    public const long ScenesVideo = 1, SmallVideo = 2, UnicodeVideo = 3, EscapingLinkVideo = 4, OutsideVideo = 5, TranscodedVideo = 6;
    public const string SecretText = "SECRET-OUTSIDE-THE-MEDIA-ROOT";

    /// <summary>The ball scene of the two-minute fixture starts at 20 s; the best clip starts 5 s into it.</summary>
    public const double BestClipStart = 25.0;

    private SampleMedia(string folder)
    {
        Folder = folder;
        Root = Path.Combine(folder, "media");
        Outside = Path.Combine(folder, "outside");
        Directory.CreateDirectory(Path.Combine(Root, "holiday"));
        Directory.CreateDirectory(Outside);
    }

    public string Folder { get; }

    /// <summary>The media folder the server is configured with.</summary>
    public string Root { get; }

    /// <summary>A folder next to the media folder that must never be served.</summary>
    public string Outside { get; }

    public string SecretFile => Path.Combine(Outside, "secret.mp4");

    /// <summary>The background the hits are calibrated against: every level occurs among them (0.31 is strong,
    /// 0.22 good, 0.15 and 0.05 weak).</summary>
    public static ScoreCalibration Calibration { get; } = new(64, 0.10, 0.04);

    public List<VideoHit> Hits { get; } = [];

    public List<VideoDetails> Videos { get; } = [];

    public Dictionary<long, byte[]> Thumbnails { get; } = [];

    /// <summary>Preview strips: only the best clip has one, so the others answer 404 as clips of an older library do.</summary>
    public Dictionary<long, byte[]> Previews { get; } = [];

    public IndexingStatus Status { get; private set; } = null!;

    public static SampleMedia Create()
    {
        var media = new SampleMedia(Path.Combine(Path.GetTempPath(), "videosearch-web-" + Guid.NewGuid().ToString("N")[..8]));
        media.Populate();
        return media;
    }

    public string PathOf(string relative) => Path.Combine(Root, relative);

    private void Populate()
    {
        string scenes = Copy("scenes_2min_320x240.mp4", "scenes_2min_320x240.mp4");
        string small = Copy("mp4_h264_aac_320x240.mp4", "mp4_h264_aac_320x240.mp4");
        string unicode = Copy("café vidéo – l'été 動画.mp4", Path.Combine("holiday", "café vidéo – l'été 動画.mp4"));
        // A file browsers cannot play (Motion JPEG in AVI): the playback tests' transcode. Indexed, but no search hit.
        string avi = Copy("avi_mjpeg_pcm_320x240.avi", "avi_mjpeg_pcm_320x240.avi");
        File.WriteAllText(SecretFile, SecretText);
        File.WriteAllText(PathOf("notes.txt"), "not a video");
        File.CreateSymbolicLink(PathOf("escape.mp4"), SecretFile);
        Directory.CreateSymbolicLink(PathOf("linked-dir"), Outside);
        File.CreateSymbolicLink(PathOf("inside-link.mp4"), small);

        // Scenes: twelve 10 s clips; the query matches the ball scene (20-40 s) best, 25-35 s most of all.
        var sceneClips = Enumerable.Range(0, 12).Select(i => new ClipSpan(101 + i, i * 10.0, i * 10.0 + 10)).ToList();
        sceneClips[2] = new ClipSpan(103, BestClipStart, BestClipStart + 10);
        Add(ScenesVideo, scenes, 120, 320, 240, sceneClips, [(103, 0.31f), (104, 0.27f), (105, 0.12f)]);
        Previews[103] = s_previews.Value;
        Add(SmallVideo, small, 6, 320, 240, [new(201, 0, 3), new(202, 3, 6)], [(202, 0.22f), (201, 0.18f)]);
        Add(UnicodeVideo, unicode, 3, 320, 240, [new(301, 0, 3)], [(301, 0.15f)]);
        Add(EscapingLinkVideo, PathOf("escape.mp4"), 6, 320, 240, [new(401, 0, 6)], [(401, 0.05f)]);
        Videos.Add(new VideoDetails(TranscodedVideo, avi, 4, 320, 240, new FileInfo(avi).Length, File.GetLastWriteTimeUtc(avi), [new(601, 0, 4)]));
        Videos.Add(new VideoDetails(OutsideVideo, SecretFile, 6, 320, 240, SecretText.Length, DateTimeOffset.UtcNow, [new(501, 0, 6)]));

        Status = new IndexingStatus(IndexingState.Indexing, 10, 4, 1, 17, 3.5, 12.0, TimeSpan.FromSeconds(42),
            small, [new IndexingError(PathOf("bad_truncated.mp4"), "Truncated", "the data stops at 4.24 s of 10 s")], null);
    }

    private void Add(long id, string path, double duration, int width, int height, List<ClipSpan> clips, (long Clip, float Score)[] matches)
    {
        var info = new FileInfo(path);
        Videos.Add(new VideoDetails(id, path, duration, width, height, info.Exists ? info.Length : 0, info.LastWriteTimeUtc, clips));
        var scored = matches.Select(m =>
        {
            var span = clips.Single(c => c.ClipId == m.Clip);
            return new ScoredClip(new CandidateClip(span.ClipId, id, path, duration, span.StartSeconds, span.EndSeconds,
                info.LastWriteTimeUtc), m.Score);
        }).ToList();
        // Moments made by the real rule, so the API is tested on what search returns.
        var moments = MomentBuilder.Build(scored, Calibration.Mean, Calibration);
        Hits.Add(new VideoHit(id, path, duration, info.LastWriteTimeUtc, moments[0].Score, moments));
        string frameSource = id == EscapingLinkVideo ? PathOf("scenes_2min_320x240.mp4") : path;
        foreach (var clip in clips.Where(c => matches.Any(m => m.Clip == c.ClipId)))
            Thumbnails[clip.ClipId] = s_thumbnails.GetOrAdd((Path.GetFileName(frameSource), clip.StartSeconds), _ => Thumbnail(frameSource, clip.StartSeconds));
    }

    private string Copy(string fixture, string relative)
    {
        string target = PathOf(relative);
        File.Copy(Path.Combine(Fixtures.Media, fixture), target);
        return target;
    }

    /// <summary>A JPEG of the frame at <paramref name="seconds"/>, decoded by ffmpeg and encoded like the indexer does.</summary>
    private static byte[] Thumbnail(string video, double seconds)
    {
        RgbFrame frame = Frame(video, seconds);
        return new JpegThumbnailEncoder().Encode(frame.Width, frame.Height, frame.Pixels);
    }

    /// <summary>The 320x240 frame at <paramref name="seconds"/>, decoded by ffmpeg.</summary>
    private static RgbFrame Frame(string video, double seconds)
    {
        const int width = 320, height = 240;
        var start = new ProcessStartInfo("ffmpeg")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            ArgumentList =
            {
                "-nostdin", "-v", "error", "-ss", seconds.ToString(System.Globalization.CultureInfo.InvariantCulture), "-i", video,
                "-frames:v", "1", "-vf", $"scale={width}:{height}", "-f", "rawvideo", "-pix_fmt", "rgb24", "-",
            },
        };
        using var process = Process.Start(start) ?? throw new InvalidOperationException("ffmpeg did not start");
        using var rgb = new MemoryStream();
        var stderr = process.StandardError.ReadToEndAsync();
        process.StandardOutput.BaseStream.CopyTo(rgb);
        if (!process.WaitForExit(30_000)) throw new TimeoutException($"ffmpeg took too long on {video}");
        if (process.ExitCode != 0 || rgb.Length != width * height * 3)
            throw new InvalidOperationException($"ffmpeg could not decode a frame of {video} at {seconds} s: {stderr.Result}");
        return new RgbFrame(width, height, rgb.ToArray(), seconds);
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // A file still open by a closing server; the temp folder is cleaned by the OS later.
        }
    }
}
