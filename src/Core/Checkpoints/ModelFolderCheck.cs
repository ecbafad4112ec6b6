using System.Text;
using TorchSharp;
using VideoSearch.Core.Hub;
using VideoSearch.Core.Model;

namespace VideoSearch.Core.Checkpoints;

/// <summary>
/// Checks a model folder against what transformers' <c>save_pretrained</c> writes and <c>XCLIPModel.from_pretrained</c>
/// expects, beyond what loading here needs: <c>config.json</c> is a valid X-CLIP config; <c>model.safetensors</c> holds
/// exactly the model's state-dict keys (the non-persistent <c>position_ids</c> buffers omitted), each with the model's
/// shape and dtype F32, metadata <c>format</c> <c>pt</c>, a header padded with spaces to a multiple of 8 bytes, and the
/// data packed from offset 0 without gaps in the upstream order (descending dtype alignment, then name) up to the end
/// of the file. The key order inside the header is not checked: readers do not depend on it.
/// </summary>
public static class ModelFolderCheck
{
    /// <summary>Every problem of <paramref name="folder"/>; empty when it has the layout.</summary>
    public static IReadOnlyList<string> Problems(string folder)
    {
        ArgumentException.ThrowIfNullOrEmpty(folder);
        var missing = ModelLocator.RequiredFiles.Where(f => !File.Exists(Path.Combine(folder, f))).ToList();
        if (missing.Count > 0) return missing.Select(f => $"{f} is missing").ToList();

        XClipConfig config;
        try { config = XClipConfig.Load(Path.Combine(folder, "config.json")); }
        catch (XClipConfigException e) { return [$"config.json: {e.Message}"]; }

        string weights = Path.Combine(folder, "model.safetensors");
        var problems = new List<string>();
        try
        {
            byte[] header = SafetensorsFile.ReadRawHeader(weights);
            CheckHeaderBytes(header, problems);
            using var file = SafetensorsFile.Open(weights);
            CheckMetadata(file, problems);
            CheckKeys(file, ExpectedShapes(config), problems);
            CheckPacking(file, new FileInfo(weights).Length - header.Length, problems);
        }
        catch (SafetensorsFormatException e)
        {
            problems.Add($"model.safetensors: {e.Message}");
        }
        return problems;
    }

    /// <summary>Throws when <paramref name="folder"/> has any of <see cref="Problems"/>.</summary>
    /// <exception cref="ModelFolderLayoutException">The folder is not in the layout; the message lists every problem.</exception>
    public static void ThrowIfInvalid(string folder)
    {
        var problems = Problems(folder);
        if (problems.Count > 0) throw new ModelFolderLayoutException(folder, problems);
    }

    private static Dictionary<string, long[]> ExpectedShapes(XClipConfig config)
    {
        // The meta device gives names and shapes without allocating any weight.
        using var model = new XClipModel(config, torch.META);
        return StateDictWriter.PersistentEntries(model).ToDictionary(p => p.Key, p => p.Value.shape, StringComparer.Ordinal);
    }

    private static void CheckHeaderBytes(byte[] raw, List<string> problems)
    {
        int length = raw.Length - 8;
        if (length % 8 != 0) problems.Add($"header length {length} is not a multiple of 8 (the data would be misaligned)");
        string json = Encoding.UTF8.GetString(raw, 8, length);
        int end = json.LastIndexOf('}') + 1;
        if (json[end..].Any(c => c != ' ')) problems.Add("the header is padded with something other than spaces");
    }

    private static void CheckMetadata(SafetensorsFile file, List<string> problems)
    {
        if (!file.Metadata.TryGetValue("format", out string? format))
            problems.Add("header __metadata__ has no \"format\" (transformers needs \"pt\")");
        else if (format != "pt")
            problems.Add($"header __metadata__ format is \"{format}\", transformers needs \"pt\"");
    }

    private static void CheckKeys(SafetensorsFile file, Dictionary<string, long[]> expected, List<string> problems)
    {
        problems.AddRange(expected.Keys.Where(k => !file.Tensors.ContainsKey(k)).Select(k => $"missing key: {k}"));
        problems.AddRange(file.Tensors.Keys.Where(k => !expected.ContainsKey(k)).Order(StringComparer.Ordinal)
            .Select(k => $"unexpected key: {k}"));
        foreach (var (name, shape) in expected)
        {
            if (!file.Tensors.TryGetValue(name, out var info)) continue;
            if (!info.Shape.SequenceEqual(shape))
                problems.Add($"mis-shaped: {name}: [{string.Join(", ", info.Shape)}], the model has [{string.Join(", ", shape)}]");
            if (info.DType != SafetensorsDType.F32) problems.Add($"wrong dtype: {name}: {info.DType}, saved models are F32");
        }
    }

    private static void CheckPacking(SafetensorsFile file, long dataLength, List<string> problems)
    {
        var canonical = SafetensorsHeader.Create(file.Tensors.Values.Select(t => (t.Name, t.DType, t.Shape)));
        foreach (var entry in canonical.Entries)
        {
            var stored = file.Tensors[entry.Name];
            if (stored.Begin != entry.Begin || stored.End != entry.End)
            {
                problems.Add($"data of {entry.Name} is at [{stored.Begin}, {stored.End}], the upstream layout puts it at " +
                             $"[{entry.Begin}, {entry.End}] (packed in order of dtype alignment, then name)");
                break; // every later tensor would be reported too
            }
        }
        if (dataLength != canonical.DataLength)
            problems.Add($"the file holds {dataLength} data bytes after the header, the tensors need {canonical.DataLength}");
    }
}
