namespace VideoSearch.Core.Hub;

/// <summary>
/// Turns a <c>--model</c> value into a local folder: a folder is used as it is; a hub id is taken from the user's
/// Hugging Face cache when the snapshot is there, and otherwise downloaded into that cache.
/// </summary>
public sealed class ModelLocator(HubOptions options)
{
    /// <summary>The model every command uses when no <c>--model</c> is given.</summary>
    public const string DefaultModel = "microsoft/xclip-base-patch32";

    /// <summary>Files a model folder must hold.</summary>
    public static IReadOnlyList<string> RequiredFiles { get; } = ["config.json", "model.safetensors"];

    /// <summary>Processor and tokenizer files fetched when the repository has them (a 404 is recorded, not an error).</summary>
    public static IReadOnlyList<string> OptionalFiles { get; } =
        ["preprocessor_config.json", "tokenizer_config.json", "special_tokens_map.json", "vocab.json", "merges.txt", "tokenizer.json"];

    /// <summary>The settings in use.</summary>
    public HubOptions Options { get; } = options;

    /// <summary>A locator configured from HF_HOME, HF_HUB_CACHE, HF_TOKEN, HF_HUB_OFFLINE and HF_ENDPOINT.</summary>
    public static ModelLocator FromEnvironment() => new(HubOptions.FromEnvironment());

    /// <summary>Resolves <paramref name="reference"/> (null or blank means <see cref="DefaultModel"/>) to a local folder.</summary>
    /// <param name="reference">A folder path, or a hub id <c>org/name[@revision]</c>.</param>
    /// <param name="progress">Receives download progress; nothing is reported when the model is already local.</param>
    /// <param name="cancellationToken">Stops the download; a partial file is kept for the next attempt.</param>
    /// <exception cref="ModelReferenceException">The reference is not a folder nor a valid hub id.</exception>
    /// <exception cref="ModelFilesMissingException">A local folder lacks one of <see cref="RequiredFiles"/>.</exception>
    /// <exception cref="HubException">The model is neither cached nor obtainable (offline, unreachable, not found, refused, interrupted).</exception>
    public async Task<ResolvedModel> ResolveAsync(string? reference, IProgress<DownloadProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ModelReference model = ModelReference.Parse(string.IsNullOrWhiteSpace(reference) ? DefaultModel : reference);
        if (model.IsFolder)
        {
            // Checked here so a half-copied folder fails the same way in every command, before anything is read.
            ModelFilesMissingException.ThrowIfMissing(model.Folder!, RequiredFiles);
            return new ResolvedModel(model.Folder!, ModelSource.LocalFolder, null, null, null);
        }

        var cache = new HuggingFaceCache(Options.CacheDirectory);
        string revision = model.Revision!;
        string? commit = cache.ResolveCommit(model, revision);
        if (commit is not null)
        {
            bool hasRequired = RequiredFiles.All(f => cache.HasFile(model, commit, f));
            // A snapshot counts as complete once every optional file is either present or known to be absent;
            // offline, the required files are enough.
            bool complete = hasRequired && OptionalFiles.All(f => cache.HasFile(model, commit, f) || cache.IsKnownMissing(model, commit, f));
            if (complete || (hasRequired && Options.Offline))
                return new ResolvedModel(cache.SnapshotFolder(model, commit), ModelSource.HuggingFaceCache, model.RepoId, revision, commit);
        }
        if (Options.Offline) throw Offline(cache, model, revision, commit);

        using var downloader = new HubDownloader(Options, cache);
        commit = await downloader.DownloadSnapshotAsync(model, RequiredFiles, OptionalFiles, progress, cancellationToken).ConfigureAwait(false);
        return new ResolvedModel(cache.SnapshotFolder(model, commit), ModelSource.Downloaded, model.RepoId, revision, commit);
    }

    private static HubOfflineException Offline(HuggingFaceCache cache, ModelReference model, string revision, string? commit)
    {
        if (commit is null)
            return new HubOfflineException(model.RepoId!, revision, cache.RefPath(model, revision), "no such ref: the revision was never downloaded");
        string[] missing = RequiredFiles.Where(f => !cache.HasFile(model, commit, f)).ToArray();
        return new HubOfflineException(model.RepoId!, revision, cache.SnapshotFolder(model, commit), "missing " + string.Join(", ", missing));
    }
}
