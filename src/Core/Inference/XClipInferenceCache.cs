using VideoSearch.Core.Model;

namespace VideoSearch.Core.Inference;

/// <summary>
/// The models a long-running process has loaded, one <see cref="XClipInference"/> per model folder and precision, handed to every
/// part that asks for it: the web server's indexer and its search sessions share one copy of the weights instead of
/// loading their own (and search reopening its session as the library grows reuses it rather than loading again).
/// The cache owns what it loads: callers never dispose an instance they got here; <see cref="Dispose"/> does.
/// </summary>
public sealed class XClipInferenceCache : IDisposable
{
    private readonly Dictionary<(string Folder, XClipPrecision Precision), Lazy<XClipInference>> _loaded = new();
    private readonly Func<string, string, XClipPrecision, XClipInference> _load;
    private bool _disposed;

    /// <summary>Creates an empty cache that loads with <see cref="XClipInference.Load"/>.</summary>
    public XClipInferenceCache()
        : this((folder, modelId, precision) => XClipInference.Load(folder, modelId, precision: precision))
    {
    }

    internal XClipInferenceCache(Func<string, string, XClipPrecision, XClipInference> load) => _load = load;

    /// <summary>
    /// The loaded model of <paramref name="modelFolder"/>, loading it on the first request (concurrent first requests
    /// wait for one load). A load that fails is not remembered, so a later request tries again. Each precision is its
    /// own copy: converting to bf16 rounds the weights, so an fp32 caller must not get them.
    /// </summary>
    public XClipInference GetOrLoad(string modelFolder, string modelId, XClipPrecision precision = XClipPrecision.Fp32)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(modelFolder);
        var key = (Path.GetFullPath(modelFolder), precision);
        Lazy<XClipInference> entry;
        lock (_loaded)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (!_loaded.TryGetValue(key, out entry!))
            {
                entry = new Lazy<XClipInference>(() => _load(key.Item1, modelId, precision), LazyThreadSafetyMode.ExecutionAndPublication);
                _loaded.Add(key, entry);
            }
        }
        try
        {
            return entry.Value;
        }
        catch
        {
            lock (_loaded)
            {
                if (_loaded.TryGetValue(key, out var current) && ReferenceEquals(current, entry)) _loaded.Remove(key);
            }
            throw;
        }
    }

    /// <summary>The number of models loaded so far.</summary>
    public int Count
    {
        get
        {
            lock (_loaded) return _loaded.Values.Count(l => l.IsValueCreated);
        }
    }

    /// <summary>Disposes every loaded model.</summary>
    public void Dispose()
    {
        List<Lazy<XClipInference>> entries;
        lock (_loaded)
        {
            if (_disposed) return;
            _disposed = true;
            entries = [.. _loaded.Values];
            _loaded.Clear();
        }
        foreach (var entry in entries.Where(e => e.IsValueCreated)) entry.Value.Dispose();
    }
}
