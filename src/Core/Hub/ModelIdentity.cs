using System.Buffers.Binary;
using System.Security.Cryptography;
using VideoSearch.Core.Catalog;

namespace VideoSearch.Core.Hub;

/// <summary>
/// Names the weights a library's vectors came from, so a different model is noticed: a hub model by repo id and
/// commit; a local folder by its path and a hash of config.json and the safetensors header (names, shapes and
/// offsets of every tensor), which changes when the architecture or the checkpoint layout changes without reading
/// gigabytes of weights. This is the one rule: the indexer records it, and every host compares against it.
/// </summary>
public static class ModelIdentity
{
    /// <summary>The (model id, revision) pair stored in the catalog's model state.</summary>
    public static (string ModelId, string Revision) Of(ResolvedModel model)
    {
        if (model.RepoId is { } repo && model.Commit is { } commit) return (repo, commit);
        string folder = Path.TrimEndingDirectorySeparator(Path.GetFullPath(model.Folder));
        return (folder, "sha256:" + FolderHash(folder));
    }

    /// <summary>True when <paramref name="model"/> is the model whose vectors <paramref name="recorded"/> describes.</summary>
    public static bool Matches(ModelState recorded, ResolvedModel model)
    {
        ArgumentNullException.ThrowIfNull(recorded);
        (string id, string revision) = Of(model);
        bool sameId = model.RepoId is null
            ? string.Equals(id, recorded.ModelId, StringComparison.Ordinal)
            : string.Equals(id, recorded.ModelId, StringComparison.OrdinalIgnoreCase);
        return sameId && string.Equals(revision, recorded.Revision, StringComparison.Ordinal);
    }

    private static string FolderHash(string folder)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(File.ReadAllBytes(Path.Combine(folder, "config.json")));
        using (var weights = File.OpenRead(Path.Combine(folder, "model.safetensors")))
        {
            if (weights.Length < 8)
                throw new Checkpoints.SafetensorsFormatException(Path.Combine(folder, "model.safetensors"),
                    weights.Length == 0 ? "the file is empty (0 bytes)" : $"the file is {weights.Length} bytes, shorter than a header");
            Span<byte> lengthBytes = stackalloc byte[8];
            weights.ReadExactly(lengthBytes);
            long length = BinaryPrimitives.ReadInt64LittleEndian(lengthBytes);
            if (length <= 0 || length > weights.Length - 8)
                throw new Checkpoints.SafetensorsFormatException(Path.Combine(folder, "model.safetensors"),
                    $"the header length {length} does not fit the file ({weights.Length} bytes)");
            var header = new byte[length];
            weights.ReadExactly(header);
            hash.AppendData(lengthBytes);
            hash.AppendData(header);
        }
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }
}
