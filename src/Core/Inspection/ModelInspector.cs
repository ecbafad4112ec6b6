using VideoSearch.Core.Checkpoints;
using VideoSearch.Core.Hub;
using VideoSearch.Core.Model;

namespace VideoSearch.Core.Inspection;

/// <summary>Describes a model folder or hub id without loading its weights (only headers are read).</summary>
public sealed class ModelInspector(ModelLocator locator)
{
    /// <summary>Resolves <paramref name="reference"/> (downloading if needed) and summarises it.</summary>
    public async Task<ModelSummary> InspectAsync(string reference, IProgress<DownloadProgress>? progress, CancellationToken cancellationToken)
    {
        ResolvedModel resolved = await locator.ResolveAsync(reference, progress, cancellationToken).ConfigureAwait(false);
        XClipConfig config = XClipConfig.Load(Path.Combine(resolved.Folder, "config.json"));
        using SafetensorsFile weights = SafetensorsFile.Open(Path.Combine(resolved.Folder, "model.safetensors"));
        var tensors = weights.Tensors.Values.ToList();
        var dtypes = tensors.GroupBy(t => t.DType.ToString()).ToDictionary(g => g.Key, g => g.Count());
        var files = new DirectoryInfo(resolved.Folder).EnumerateFiles()
            .OrderBy(f => f.Name, StringComparer.Ordinal)
            .Select(f => (f.Name, f.Length)) // Length follows symbolic links (the hub cache links snapshots to blobs)
            .ToList();
        return new ModelSummary(resolved, config, tensors.Count, tensors.Sum(t => t.ElementCount), dtypes, files);
    }
}
