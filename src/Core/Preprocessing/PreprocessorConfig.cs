namespace VideoSearch.Core.Preprocessing;

/// <summary>
/// The image settings of <c>VideoMAEImageProcessor</c> (the preprocessor X-CLIP checkpoints name in
/// <c>preprocessor_config.json</c>). Only the bilinear filter (<c>resample: 2</c>) exists here, so there is no
/// resample property: a file asking for another filter is rejected when read.
/// </summary>
public sealed record PreprocessorConfig
{
    /// <summary>The file name inside a model folder.</summary>
    public const string FileName = "preprocessor_config.json";

    private static readonly double[] s_imageNetMean = [0.485, 0.456, 0.406];
    private static readonly double[] s_imageNetStd = [0.229, 0.224, 0.225];
    private static readonly double[] s_half = [0.5, 0.5, 0.5];

    /// <summary>The settings of <c>microsoft/xclip-base-patch32</c>: shortest edge 224, centre crop 224x224,
    /// rescale by 1/255, ImageNet mean and standard deviation. Used when a model folder has no config file.</summary>
    public static PreprocessorConfig Default { get; } = new();

    /// <summary>
    /// The constructor defaults of transformers' <c>VideoMAEImageProcessor</c>: as <see cref="Default"/> but with
    /// mean and standard deviation 0.5. Keys a config file leaves out take these values, as in transformers.
    /// </summary>
    public static PreprocessorConfig ClassDefaults { get; } = new() { ImageMean = s_half, ImageStd = s_half };

    /// <summary>Whether frames are resized (<c>do_resize</c>).</summary>
    public bool DoResize { get; init; } = true;

    /// <summary>The resize target (<c>size</c>).</summary>
    public ResizeSize Size { get; init; } = ResizeSize.ToShortestEdge(224);

    /// <summary>Whether frames are centre-cropped (<c>do_center_crop</c>).</summary>
    public bool DoCenterCrop { get; init; } = true;

    /// <summary>The crop (<c>crop_size</c>).</summary>
    public ImageSize CropSize { get; init; } = new(224, 224);

    /// <summary>Whether byte values are multiplied by <see cref="RescaleFactor"/> (<c>do_rescale</c>).</summary>
    public bool DoRescale { get; init; } = true;

    /// <summary>The rescale factor (<c>rescale_factor</c>), applied in double precision as transformers does.</summary>
    public double RescaleFactor { get; init; } = 1.0 / 255.0;

    /// <summary>Whether <c>(x - mean) / std</c> is applied per channel (<c>do_normalize</c>).</summary>
    public bool DoNormalize { get; init; } = true;

    /// <summary>Per-channel mean, R, G, B (<c>image_mean</c>); used in float32 as transformers does.</summary>
    public IReadOnlyList<double> ImageMean { get; init; } = s_imageNetMean;

    /// <summary>Per-channel standard deviation, R, G, B (<c>image_std</c>); used in float32 as transformers does.</summary>
    public IReadOnlyList<double> ImageStd { get; init; } = s_imageNetStd;

    /// <summary>
    /// Reads <c>preprocessor_config.json</c> from a model folder; a folder without that file gets
    /// <see cref="Default"/> (the <c>microsoft/xclip-base-patch32</c> values).
    /// </summary>
    /// <exception cref="PreprocessorConfigException">The folder is missing, or the file is unreadable or unsupported.</exception>
    public static PreprocessorConfig FromFolder(string modelFolder)
    {
        ArgumentException.ThrowIfNullOrEmpty(modelFolder);
        if (!Directory.Exists(modelFolder))
            throw new PreprocessorConfigException($"Model folder '{modelFolder}' does not exist.");
        string path = Path.Combine(modelFolder, FileName);
        return File.Exists(path) ? FromFile(path) : Default;
    }

    /// <summary>Reads one <c>preprocessor_config.json</c> file.</summary>
    /// <exception cref="PreprocessorConfigException">The file is missing, unreadable or asks for something unsupported.</exception>
    public static PreprocessorConfig FromFile(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        string json;
        try
        {
            json = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new PreprocessorConfigException($"Cannot read preprocessor config '{path}': {e.Message}", e);
        }
        return Parse(json, path);
    }

    /// <summary>Parses the JSON text of a <c>preprocessor_config.json</c>; <paramref name="source"/> names it in errors.</summary>
    /// <exception cref="PreprocessorConfigException">The text is not valid JSON or asks for something unsupported.</exception>
    public static PreprocessorConfig Parse(string json, string source) => PreprocessorConfigReader.Parse(json, source);

    /// <summary>Checks that the values can be used; <paramref name="source"/> names the config in the message.</summary>
    /// <exception cref="PreprocessorConfigException">A size is not positive, a list is not three values, a std is 0.</exception>
    public void Validate(string source)
    {
        if (Size is null) throw new PreprocessorConfigException($"{source}: 'size' is missing.");
        if (CropSize.Height <= 0 || CropSize.Width <= 0)
            throw new PreprocessorConfigException($"{source}: 'crop_size' must be positive, got {CropSize}.");
        if (!double.IsFinite(RescaleFactor))
            throw new PreprocessorConfigException($"{source}: 'rescale_factor' must be finite, got {RescaleFactor}.");
        CheckChannels(ImageMean, "image_mean", source);
        CheckChannels(ImageStd, "image_std", source);
        if (ImageStd.Any(s => (float)s == 0f))
            throw new PreprocessorConfigException($"{source}: 'image_std' must not contain 0, got [{string.Join(", ", ImageStd)}].");
    }

    private static void CheckChannels(IReadOnlyList<double>? values, string key, string source)
    {
        if (values is null || values.Count != 3 || values.Any(v => !double.IsFinite(v)))
            throw new PreprocessorConfigException(
                $"{source}: '{key}' must be 3 finite numbers (R, G, B), got [{string.Join(", ", values ?? [])}].");
    }
}
