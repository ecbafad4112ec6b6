using Microsoft.Extensions.Options;
using VideoSearch.Core.Catalog;
using VideoSearch.Core.Hub;
using VideoSearch.Core.Library;
using VideoSearch.Core.Native;
using VideoSearch.Core.Preprocessing;

namespace VideoSearch.Core.Inference;

/// <summary>
/// The one model of a host, chosen once and loaded on first use, for every part of the process: the indexer embeds
/// with it and search encodes queries with it, so they can never disagree. The choice follows <see cref="ModelOptions"/>
/// and the model the catalog records; identity is <see cref="ModelIdentity"/>'s rule. Until a reading host's library
/// has a model (nothing indexed yet) there is none, and the catalog is asked again on the next call.
/// </summary>
public sealed class ModelHandle(IOptions<ModelOptions> options, VideoCatalog catalog, ModelLocator locator,
    XClipInferenceCache models, IProgress<DownloadProgress>? downloadProgress = null) : IInferenceSource
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private LoadedModel? _loaded;

    /// <summary>The model once loaded, else null (never waits).</summary>
    public LoadedModel? Current => Volatile.Read(ref _loaded);

    /// <summary>The host's model, loading it on the first call.</summary>
    /// <exception cref="LibraryNotFoundException">A reading host whose library has no model yet (nothing indexed).</exception>
    /// <exception cref="ModelMismatchException">A reading host was asked for another model than the library's.</exception>
    /// <exception cref="HubException">The model is neither cached nor obtainable.</exception>
    public async Task<LoadedModel> GetAsync(CancellationToken cancellationToken) =>
        await TryGetAsync(cancellationToken).ConfigureAwait(false)
        ?? throw new LibraryNotFoundException(catalog.LibraryDirectory,
            $"The library at '{catalog.LibraryDirectory}' is empty (no indexed clips yet): run 'videosearch index' first.");

    /// <inheritdoc />
    public async Task<XClipInference> GetInferenceAsync(CancellationToken cancellationToken) =>
        (await GetAsync(cancellationToken).ConfigureAwait(false)).Inference;

    /// <summary>Like <see cref="GetAsync"/>, but null instead of an exception while a reading host's library has no model.</summary>
    public async Task<LoadedModel?> TryGetAsync(CancellationToken cancellationToken)
    {
        if (Current is { } loaded) return loaded;
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_loaded is not null) return _loaded;
            ModelState? recorded = await catalog.Model.GetAsync(cancellationToken).ConfigureAwait(false);
            ResolvedModel? resolved = await ChooseAsync(options.Value, recorded, cancellationToken).ConfigureAwait(false);
            if (resolved is null) return null;
            Volatile.Write(ref _loaded, Load(resolved, recorded, options.Value.AllowModelChange));
            return _loaded;
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task<ResolvedModel?> ChooseAsync(ModelOptions settings, ModelState? recorded, CancellationToken cancellationToken)
    {
        if (settings.Model is { Length: > 0 } requested)
        {
            ResolvedModel resolved = await locator.ResolveAsync(requested, downloadProgress, cancellationToken).ConfigureAwait(false);
            if (!settings.AllowModelChange && recorded is not null && !ModelIdentity.Matches(recorded, resolved))
                throw new ModelMismatchException(
                    $"The library was indexed with '{recorded.ModelId}' (revision {recorded.Revision}), not '{requested}': " +
                    "search with the library's model (leave out --model) or re-index with the new one.");
            return resolved;
        }
        if (recorded is null)
            return settings.AllowModelChange
                ? await locator.ResolveAsync(ModelLocator.DefaultModel, downloadProgress, cancellationToken).ConfigureAwait(false)
                : null;
        if (Path.IsPathFullyQualified(recorded.ModelId))
        {
            if (!Directory.Exists(recorded.ModelId))
                throw new ModelMismatchException(
                    $"The library was indexed with the model folder '{recorded.ModelId}', which no longer exists: restore it, " +
                    "pass --model, or re-index.");
            return await locator.ResolveAsync(recorded.ModelId, downloadProgress, cancellationToken).ConfigureAwait(false);
        }
        return await locator.ResolveAsync($"{recorded.ModelId}@{recorded.Revision}", downloadProgress, cancellationToken)
            .ConfigureAwait(false);
    }

    private LoadedModel Load(ResolvedModel resolved, ModelState? recorded, bool allowChange)
    {
        TorchRuntime.EnsureLoaded();
        (string id, string revision) = ModelIdentity.Of(resolved);
        if (!allowChange && recorded is not null && (id != recorded.ModelId || revision != recorded.Revision))
            throw new ModelMismatchException(
                $"The model folder '{resolved.Folder}' changed since the library was indexed (revision {recorded.Revision}, now {revision}): " +
                "re-index with it, or restore the folder.");
        var preprocessor = PreprocessorConfig.FromFolder(resolved.Folder);
        PrecisionChoice precision = PrecisionChoice.Resolve(options.Value.Precision, CpuFeatures.Current);
        XClipInference inference = models.GetOrLoad(resolved.Folder, id, precision.Resolved);
        inference.UseQueryWeights(options.Value.QueryWeights);
        var loaded = new LoadedModel(resolved, id, revision, inference, preprocessor, precision);
        if (!allowChange && recorded is not null
            && (inference.ProjectionDim != recorded.EmbeddingDim || inference.ContextPatches != recorded.ContextPatches))
            throw new ModelMismatchException(
                $"The model in '{resolved.Folder}' makes {inference.ProjectionDim}-dimensional vectors with {inference.ContextPatches} context rows; " +
                $"the library holds {recorded.EmbeddingDim} and {recorded.ContextPatches}.");
        return loaded;
    }
}
