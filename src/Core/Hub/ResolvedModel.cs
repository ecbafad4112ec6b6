namespace VideoSearch.Core.Hub;

/// <summary>A model reference resolved to a local folder holding config.json, model.safetensors and the tokenizer files.</summary>
/// <param name="Folder">The folder to load from (a cache snapshot folder for hub ids).</param>
/// <param name="Source">Where the folder came from.</param>
/// <param name="RepoId">The hub id, or null for a local folder.</param>
/// <param name="Revision">The revision asked for, or null for a local folder.</param>
/// <param name="Commit">The commit hash of the snapshot, or null for a local folder.</param>
public sealed record ResolvedModel(string Folder, ModelSource Source, string? RepoId, string? Revision, string? Commit)
{
    /// <summary>A one-line description for logs and the CLI, e.g. <c>microsoft/xclip-base-patch32@main (commit …, Hugging Face cache)</c>.</summary>
    public string Describe() => RepoId is null
        ? $"{Folder} (local folder)"
        : $"{RepoId}@{Revision} (commit {Commit}, {(Source == ModelSource.Downloaded ? "downloaded" : "Hugging Face cache")}) in {Folder}";
}
