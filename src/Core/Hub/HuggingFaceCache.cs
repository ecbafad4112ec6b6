using System.Text.RegularExpressions;

namespace VideoSearch.Core.Hub;

/// <summary>
/// Reads and writes the huggingface_hub cache layout, so Python and this program share downloads:
/// <c>models--org--name/blobs/&lt;etag&gt;</c> (file contents), <c>snapshots/&lt;commit&gt;/&lt;file&gt;</c> (relative links
/// to the blobs), <c>refs/&lt;revision&gt;</c> (the commit a branch or tag pointed at) and <c>.no_exist/&lt;commit&gt;/&lt;file&gt;</c>
/// (files known to be absent at that commit). Locks live in <c>.locks/models--org--name/&lt;etag&gt;.lock</c>, as there.
/// </summary>
internal sealed partial class HuggingFaceCache(string root)
{
    public string Root { get; } = root;

    public static bool IsCommitHash(string revision) => CommitHash().IsMatch(revision);

    /// <summary>Blob names come from server headers; only plain hash-like names may become paths.</summary>
    public static bool IsSafeBlobName(string etag) => BlobName().IsMatch(etag) && etag != "." && etag != "..";

    public string RepoFolder(ModelReference model) => Path.Combine(Root, FolderName(model));

    public string RefPath(ModelReference model, string revision) => Path.Combine(RepoFolder(model), "refs", revision);

    public string SnapshotFolder(ModelReference model, string commit) => Path.Combine(RepoFolder(model), "snapshots", commit);

    public string BlobPath(ModelReference model, string etag) => Path.Combine(RepoFolder(model), "blobs", etag);

    public string IncompletePath(ModelReference model, string etag) => BlobPath(model, etag) + ".incomplete";

    public string LockPath(ModelReference model, string etag) => Path.Combine(Root, ".locks", FolderName(model), etag + ".lock");

    /// <summary>The commit a revision names: itself when it is a commit hash, else the content of refs/&lt;revision&gt;.</summary>
    public string? ResolveCommit(ModelReference model, string revision)
    {
        if (IsCommitHash(revision)) return revision;
        string refPath = RefPath(model, revision);
        if (!File.Exists(refPath)) return null;
        string commit = File.ReadAllText(refPath).Trim();
        return IsCommitHash(commit) ? commit : null;
    }

    /// <summary>True when the snapshot holds the file (a link whose blob exists, or a plain file).</summary>
    public bool HasFile(ModelReference model, string commit, string file) => File.Exists(Path.Combine(SnapshotFolder(model, commit), file));

    public bool IsKnownMissing(ModelReference model, string commit, string file) =>
        File.Exists(Path.Combine(RepoFolder(model), ".no_exist", commit, file));

    public void MarkMissing(ModelReference model, string commit, string file)
    {
        string marker = Path.Combine(RepoFolder(model), ".no_exist", commit, file);
        Directory.CreateDirectory(Path.GetDirectoryName(marker)!);
        // Shared open: two processes may record the same absence at once.
        using var _ = new FileStream(marker, FileMode.OpenOrCreate, FileAccess.Write, FileShare.ReadWrite | FileShare.Delete);
    }

    /// <summary>Points refs/&lt;revision&gt; at a commit, replacing the file in one rename so readers never see it half written.</summary>
    public void WriteRef(ModelReference model, string revision, string commit)
    {
        if (revision == commit) return;
        string refPath = RefPath(model, revision);
        Directory.CreateDirectory(Path.GetDirectoryName(refPath)!);
        if (File.Exists(refPath) && File.ReadAllText(refPath).Trim() == commit) return;
        string temporary = $"{refPath}.{Guid.NewGuid():N}.tmp";
        File.WriteAllText(temporary, commit);
        File.Move(temporary, refPath, overwrite: true);
    }

    /// <summary>Makes snapshots/&lt;commit&gt;/&lt;file&gt; a relative link to the blob (a copy where links cannot be made).</summary>
    public void LinkSnapshotFile(ModelReference model, string commit, string file, string etag)
    {
        string link = Path.Combine(SnapshotFolder(model, commit), file);
        string linkFolder = Path.GetDirectoryName(link)!;
        Directory.CreateDirectory(linkFolder);
        string blob = BlobPath(model, etag);
        string temporary = Path.Combine(linkFolder, $".{Path.GetFileName(file)}.{Guid.NewGuid():N}.tmp");
        try
        {
            File.CreateSymbolicLink(temporary, Path.GetRelativePath(linkFolder, blob));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or PlatformNotSupportedException)
        {
            // Some file systems (and unprivileged Windows) refuse symbolic links; huggingface_hub copies then too.
            File.Copy(blob, temporary, overwrite: true);
        }
        File.Move(temporary, link, overwrite: true);
    }

    private static string FolderName(ModelReference model) => $"models--{model.Organisation}--{model.Name}";

    [GeneratedRegex("^[0-9a-f]{40}$")]
    private static partial Regex CommitHash();

    [GeneratedRegex(@"^[A-Za-z0-9._\-]{1,128}$")]
    private static partial Regex BlobName();
}
