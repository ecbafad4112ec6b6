using System.Buffers;
using VideoSearch.Core.Media;

namespace VideoSearch.Core.Preprocessing;

/// <summary>
/// Turns RGB frames into X-CLIP's <c>pixel_values</c> as transformers' <c>VideoMAEImageProcessor</c> (PIL path)
/// does: resize (PIL bilinear), centre crop, rescale, normalise, channels first. Stateless and thread-safe.
/// </summary>
public sealed class VideoMaeImageProcessor
{
    private const int Channels = 3;

    // Every step after the resize maps one byte of one channel to one float, so the whole of rescale + normalise
    // is a 256-entry table per channel, computed with transformers' exact float64/float32 operations.
    private readonly float[] _table;

    /// <summary>Creates a processor for <paramref name="config"/>.</summary>
    /// <exception cref="PreprocessorConfigException">The config holds unusable values.</exception>
    public VideoMaeImageProcessor(PreprocessorConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        config.Validate("preprocessor config");
        Config = config;
        _table = BuildTable(config);
    }

    /// <summary>The settings in use.</summary>
    public PreprocessorConfig Config { get; }

    /// <summary>The <c>(height, width)</c> one frame of <paramref name="frameSize"/> becomes.</summary>
    public ImageSize OutputSize(ImageSize frameSize) =>
        Config.DoCenterCrop ? Config.CropSize : ResizedSize(frameSize);

    /// <summary>
    /// Preprocesses one frame into <paramref name="destination"/>: <c>[3, H, W]</c> float32, channels first, with
    /// (H, W) = <see cref="OutputSize"/> of the frame.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="destination"/> does not hold exactly 3 * H * W values.</exception>
    public void Preprocess(RgbFrame frame, Span<float> destination)
    {
        ArgumentNullException.ThrowIfNull(frame);
        var input = new ImageSize(frame.Height, frame.Width);
        var resized = ResizedSize(input);
        var output = OutputSize(input);
        int planeLength = output.Height * output.Width;
        if (destination.Length != Channels * planeLength)
            throw new ArgumentException(
                $"A {output} output needs {Channels * planeLength} values, got {destination.Length}.", nameof(destination));

        // transformers' center_crop: offsets floor((resized - crop) / 2); where the crop is larger than the
        // frame, the frame sits at the same offsets inside zeros (so the padding is byte 0 rescaled and normalised).
        int top = Config.DoCenterCrop ? FloorHalf(resized.Height - output.Height) : 0;
        int left = Config.DoCenterCrop ? FloorHalf(resized.Width - output.Width) : 0;
        int rowStart = Math.Max(0, top), rowEnd = Math.Min(resized.Height, top + output.Height);
        int colStart = Math.Max(0, left), colEnd = Math.Min(resized.Width, left + output.Width);
        var region = new ImageSize(rowEnd - rowStart, colEnd - colStart);

        if (resized == input)
        {
            int stride = input.Width * Channels;
            ReadOnlySpan<byte> window = frame.Pixels.AsSpan(rowStart * stride + colStart * Channels);
            WritePlanes(window, stride, region, rowStart - top, colStart - left, output, destination);
            return;
        }

        int regionLength = region.Height * region.Width * Channels;
        byte[] rented = ArrayPool<byte>.Shared.Rent(regionLength);
        try
        {
            Span<byte> pixels = rented.AsSpan(0, regionLength);
            PilBilinearResizer.ResizeRegion(frame.Pixels, input, resized, rowStart, colStart, region, pixels);
            WritePlanes(pixels, region.Width * Channels, region, rowStart - top, colStart - left, output, destination);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }

    /// <summary>
    /// Preprocesses a batch: <c>pixel_values</c> <c>[videos, frames, 3, H, W]</c>. Videos may differ in frame size
    /// but must have the same number of frames. Frames are processed on up to
    /// <paramref name="maxDegreeOfParallelism"/> threads (1: on the calling thread).
    /// </summary>
    /// <exception cref="PreprocessingInputException">No videos, a video without frames, unequal frame counts, or
    /// (without centre crop) frames that come out at different sizes.</exception>
    public PixelValues PreprocessVideos(IReadOnlyList<IReadOnlyList<RgbFrame>> videos, int maxDegreeOfParallelism = 1) =>
        PreprocessVideos(videos, null, maxDegreeOfParallelism);

    /// <summary>
    /// As <see cref="PreprocessVideos(IReadOnlyList{IReadOnlyList{RgbFrame}}, int)"/>, writing into
    /// <paramref name="destination"/> (which becomes <see cref="PixelValues.Data"/>) so that a pipeline can reuse
    /// one buffer per batch shape; null allocates a new array.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="destination"/> is not exactly the batch's length.</exception>
    /// <exception cref="PreprocessingInputException">As for the allocating overload.</exception>
    public PixelValues PreprocessVideos(
        IReadOnlyList<IReadOnlyList<RgbFrame>> videos, float[]? destination, int maxDegreeOfParallelism = 1)
    {
        ArgumentNullException.ThrowIfNull(videos);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxDegreeOfParallelism);
        var output = CheckBatch(videos);
        int frames = videos[0].Count;
        int perFrame = Channels * output.Height * output.Width;
        long length = (long)videos.Count * frames * perFrame;
        if (length > Array.MaxLength)
            throw new PreprocessingInputException(
                $"{videos.Count} videos of {frames} frames at {output} make {length} values, more than one array holds; split the batch.");
        if (destination != null && destination.Length != length)
            throw new ArgumentException(
                $"The batch needs {length} values ([{videos.Count}, {frames}, 3, {output.Height}, {output.Width}]), " +
                $"the destination holds {destination.Length}.", nameof(destination));
        // Every value is written below, so the array need not be zeroed first.
        var data = destination ?? GC.AllocateUninitializedArray<float>((int)length);

        void One(int index)
        {
            var frame = videos[index / frames][index % frames];
            Preprocess(frame, data.AsSpan(index * perFrame, perFrame));
        }

        int total = videos.Count * frames;
        if (maxDegreeOfParallelism == 1)
        {
            for (int i = 0; i < total; i++) One(i);
        }
        else
        {
            Parallel.For(0, total, new ParallelOptions { MaxDegreeOfParallelism = maxDegreeOfParallelism }, One);
        }
        return new PixelValues(data, videos.Count, frames, Channels, output.Height, output.Width);
    }

    private ImageSize ResizedSize(ImageSize input) => Config.DoResize ? Config.Size.OutputSize(input) : input;

    private ImageSize CheckBatch(IReadOnlyList<IReadOnlyList<RgbFrame>> videos)
    {
        if (videos.Count == 0) throw new PreprocessingInputException("No videos to preprocess: the batch is empty.");
        int frames = videos[0]?.Count ?? 0;
        ImageSize? output = null;
        for (int v = 0; v < videos.Count; v++)
        {
            var video = videos[v] ?? throw new ArgumentNullException(nameof(videos), $"Video {v} is null.");
            if (video.Count == 0) throw new PreprocessingInputException($"Video {v} has no frames.");
            if (video.Count != frames)
                throw new PreprocessingInputException(
                    $"All videos of a batch need the same number of frames: video 0 has {frames}, video {v} has {video.Count}.");
            for (int f = 0; f < video.Count; f++)
            {
                var frame = video[f] ?? throw new ArgumentNullException(nameof(videos), $"Frame {f} of video {v} is null.");
                var size = OutputSize(new ImageSize(frame.Height, frame.Width));
                if (output is { } first && first != size)
                    throw new PreprocessingInputException(
                        $"Frames come out at different sizes ({first} and {size} for frame {f} of video {v}); " +
                        "without a centre crop all frames of a batch need the same resized size.");
                output = size;
            }
        }
        return output!.Value;
    }

    /// <summary>
    /// Writes the three channel planes. <paramref name="pixels"/> starts at the region's first pixel; the region
    /// lands at (<paramref name="offsetY"/>, <paramref name="offsetX"/>) of the output, the rest is padding.
    /// </summary>
    private void WritePlanes(
        ReadOnlySpan<byte> pixels, int stride, ImageSize region, int offsetY, int offsetX, ImageSize output,
        Span<float> destination)
    {
        int planeLength = output.Height * output.Width;
        ReadOnlySpan<float> lutR = _table.AsSpan(0, 256), lutG = _table.AsSpan(256, 256), lutB = _table.AsSpan(512, 256);
        Span<float> planeR = destination[..planeLength];
        Span<float> planeG = destination.Slice(planeLength, planeLength);
        Span<float> planeB = destination.Slice(2 * planeLength, planeLength);
        bool padded = region != output;
        if (padded)
        {
            planeR.Fill(lutR[0]);
            planeG.Fill(lutG[0]);
            planeB.Fill(lutB[0]);
        }

        for (int y = 0; y < region.Height; y++)
        {
            ReadOnlySpan<byte> row = pixels.Slice(y * stride, region.Width * Channels);
            int o = (y + offsetY) * output.Width + offsetX;
            Span<float> r = planeR.Slice(o, region.Width), g = planeG.Slice(o, region.Width), b = planeB.Slice(o, region.Width);
            for (int x = 0, p = 0; x < r.Length; x++, p += Channels)
            {
                r[x] = lutR[row[p]];
                g[x] = lutG[row[p + 1]];
                b[x] = lutB[row[p + 2]];
            }
        }
    }

    private static float[] BuildTable(PreprocessorConfig config)
    {
        var table = new float[Channels * 256];
        for (int c = 0; c < Channels; c++)
        {
            float mean = (float)config.ImageMean[c], std = (float)config.ImageStd[c];
            for (int v = 0; v < 256; v++)
            {
                // rescale: float64 multiply, then float32 (numpy's astype); normalise: in float32.
                float x = config.DoRescale ? (float)(v * config.RescaleFactor) : v;
                table[c * 256 + v] = config.DoNormalize ? (x - mean) / std : x;
            }
        }
        return table;
    }

    /// <summary>Python's <c>n // 2</c>: rounds toward minus infinity (an arithmetic shift does).</summary>
    private static int FloorHalf(int n) => n >> 1;
}
