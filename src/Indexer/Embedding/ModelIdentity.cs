using System.Security.Cryptography;
using VideoSearch.Core.Checkpoints;
using VideoSearch.Core.Hub;

namespace VideoSearch.Indexer.Embedding;

/// <summary>
/// Names the weights a library's vectors came from, so a different model is noticed: a hub model by repo id and
/// commit; a local folder by its path and a hash of config.json and the safetensors header (names, shapes and
/// offsets of every tensor), which changes when the architecture or the checkpoint layout changes without reading
/// gigabytes of weights.
/// </summary>
internal static class ModelIdentity
{
    /// <summary>The (model id, revision) pair stored in the catalog's model state.</summary>
    public static (string ModelId, string Revision) Of(ResolvedModel model)
    {
        if (model.RepoId is { } repo && model.Commit is { } commit) return (repo, commit);
        string folder = Path.TrimEndingDirectorySeparator(Path.GetFullPath(model.Folder));
        return (folder, "sha256:" + FolderHash(folder));
    }

    private static string FolderHash(string folder)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(File.ReadAllBytes(Path.Combine(folder, "config.json")));
        // The length prefix and the JSON header, read and checked by Core's reader (an empty or truncated file
        // gets its typed error there).
        hash.AppendData(SafetensorsFile.ReadRawHeader(Path.Combine(folder, "model.safetensors")));
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }
}
