using System.Text.Json;

namespace VideoSearch.Core.Preprocessing;

/// <summary>
/// Turns the JSON of a <c>preprocessor_config.json</c> into a <see cref="PreprocessorConfig"/>, following how
/// transformers' <c>VideoMAEImageProcessor</c> reads its arguments (<c>get_size_dict</c> for sizes, constructor
/// defaults for missing keys). Keys that do not affect the image pipeline are ignored.
/// </summary>
internal static class PreprocessorConfigReader
{
    // The class names transformers maps to the PIL-based VideoMAE processor this port reproduces.
    private static readonly string[] s_supportedTypes =
        ["VideoMAEImageProcessor", "VideoMAEFeatureExtractor", "VideoMAEImageProcessorPil"];

    private const int PilBilinear = 2;

    public static PreprocessorConfig Parse(string json, string source)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json);
        }
        catch (JsonException e)
        {
            throw new PreprocessorConfigException($"{source} is not valid JSON: {e.Message}", e);
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
                throw new PreprocessorConfigException($"{source}: expected a JSON object, got {root.ValueKind}.");

            CheckProcessorType(root, source);
            CheckResample(root, source);

            var d = PreprocessorConfig.ClassDefaults;
            var config = new PreprocessorConfig
            {
                DoResize = Bool(root, "do_resize", d.DoResize, source),
                Size = Get(root, "size") is { } size ? ReadResizeSize(size, source) : d.Size,
                DoCenterCrop = Bool(root, "do_center_crop", d.DoCenterCrop, source),
                CropSize = Get(root, "crop_size") is { } crop ? ReadCropSize(crop, source) : d.CropSize,
                DoRescale = Bool(root, "do_rescale", d.DoRescale, source),
                RescaleFactor = Get(root, "rescale_factor") is { } factor ? Number(factor, "rescale_factor", source) : d.RescaleFactor,
                DoNormalize = Bool(root, "do_normalize", d.DoNormalize, source),
                ImageMean = Get(root, "image_mean") is { } mean ? Channels(mean, "image_mean", source) : d.ImageMean,
                ImageStd = Get(root, "image_std") is { } std ? Channels(std, "image_std", source) : d.ImageStd,
            };
            config.Validate(source);
            return config;
        }
    }

    /// <summary>A present, non-null value, or null (transformers treats an explicit null as "use the default").</summary>
    private static JsonElement? Get(JsonElement root, string key) =>
        root.TryGetProperty(key, out var value) && value.ValueKind != JsonValueKind.Null ? value : null;

    private static void CheckProcessorType(JsonElement root, string source)
    {
        // image_processor_type wins over the legacy feature_extractor_type, as in AutoImageProcessor.
        string? type = null;
        foreach (string key in new[] { "image_processor_type", "feature_extractor_type" })
        {
            if (Get(root, key) is { ValueKind: JsonValueKind.String } value)
            {
                type = value.GetString();
                break;
            }
        }
        if (type != null && !s_supportedTypes.Contains(type, StringComparer.Ordinal))
            throw new PreprocessorConfigException(
                $"{source}: processor type '{type}' is not supported; expected one of {string.Join(", ", s_supportedTypes)}.");
    }

    private static void CheckResample(JsonElement root, string source)
    {
        if (Get(root, "resample") is not { } value) return;
        if (value.ValueKind != JsonValueKind.Number || !value.TryGetInt32(out int filter))
            throw new PreprocessorConfigException($"{source}: 'resample' must be an integer PIL filter id, got {value.GetRawText()}.");
        if (filter != PilBilinear)
            throw new PreprocessorConfigException(
                $"{source}: 'resample' {filter} is not supported; only {PilBilinear} (PIL bilinear) is implemented.");
    }

    private static bool Bool(JsonElement root, string key, bool fallback, string source)
    {
        if (Get(root, key) is not { } value) return fallback;
        return value.ValueKind switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            _ => throw new PreprocessorConfigException($"{source}: '{key}' must be true or false, got {value.GetRawText()}."),
        };
    }

    private static double Number(JsonElement value, string key, string source) =>
        value.ValueKind == JsonValueKind.Number
            ? value.GetDouble()
            : throw new PreprocessorConfigException($"{source}: '{key}' must be a number, got {value.GetRawText()}.");

    private static int PositiveInt(JsonElement value, string key, string source)
    {
        if (value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out int n) && n > 0) return n;
        throw new PreprocessorConfigException($"{source}: '{key}' must be a positive integer, got {value.GetRawText()}.");
    }

    /// <summary>
    /// <c>size</c> as <c>get_size_dict(size, default_to_square=False)</c> reads it: an integer is the shortest
    /// edge, a two-element list is (height, width), a dictionary is taken as is. VideoMAE's resize accepts only
    /// <c>shortest_edge</c> or <c>height</c> + <c>width</c>; other dictionaries are rejected.
    /// </summary>
    private static ResizeSize ReadResizeSize(JsonElement value, string source)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.Number:
                return ResizeSize.ToShortestEdge(PositiveInt(value, "size", source));
            case JsonValueKind.Array:
                return ResizeSize.ToExact(HeightWidthList(value, "size", source));
            case JsonValueKind.Object:
                var keys = value.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal).ToArray();
                if (keys.SequenceEqual(["shortest_edge"]))
                    return ResizeSize.ToShortestEdge(PositiveInt(value.GetProperty("shortest_edge"), "size.shortest_edge", source));
                if (keys.SequenceEqual(["height", "width"]))
                    return ResizeSize.ToExact(HeightWidthObject(value, "size", source));
                throw new PreprocessorConfigException(
                    $"{source}: 'size' keys [{string.Join(", ", keys)}] are not supported by VideoMAEImageProcessor; " +
                    "expected {\"shortest_edge\"} or {\"height\", \"width\"}.");
            default:
                throw new PreprocessorConfigException($"{source}: 'size' must be an integer, a list or an object, got {value.GetRawText()}.");
        }
    }

    /// <summary><c>crop_size</c> as <c>get_size_dict(crop_size)</c> reads it: an integer is a square.</summary>
    private static ImageSize ReadCropSize(JsonElement value, string source)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.Number:
                int side = PositiveInt(value, "crop_size", source);
                return new ImageSize(side, side);
            case JsonValueKind.Array:
                return HeightWidthList(value, "crop_size", source);
            case JsonValueKind.Object:
                var keys = value.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal).ToArray();
                if (keys.SequenceEqual(["height", "width"])) return HeightWidthObject(value, "crop_size", source);
                throw new PreprocessorConfigException(
                    $"{source}: 'crop_size' keys [{string.Join(", ", keys)}] are not supported; expected {{\"height\", \"width\"}}.");
            default:
                throw new PreprocessorConfigException($"{source}: 'crop_size' must be an integer, a list or an object, got {value.GetRawText()}.");
        }
    }

    private static ImageSize HeightWidthObject(JsonElement value, string key, string source) =>
        new(PositiveInt(value.GetProperty("height"), key + ".height", source),
            PositiveInt(value.GetProperty("width"), key + ".width", source));

    private static ImageSize HeightWidthList(JsonElement value, string key, string source)
    {
        if (value.GetArrayLength() != 2)
            throw new PreprocessorConfigException($"{source}: '{key}' as a list must be [height, width], got {value.GetRawText()}.");
        return new ImageSize(PositiveInt(value[0], key + "[0]", source), PositiveInt(value[1], key + "[1]", source));
    }

    /// <summary>A per-channel value: a list of three numbers, or one number for all channels (transformers allows both).</summary>
    private static double[] Channels(JsonElement value, string key, string source)
    {
        if (value.ValueKind == JsonValueKind.Number)
        {
            double v = value.GetDouble();
            return [v, v, v];
        }
        if (value.ValueKind != JsonValueKind.Array || value.GetArrayLength() != 3)
            throw new PreprocessorConfigException($"{source}: '{key}' must be a list of 3 numbers (R, G, B), got {value.GetRawText()}.");
        return value.EnumerateArray().Select(e => Number(e, key, source)).ToArray();
    }
}
