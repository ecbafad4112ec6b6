using System.Text.RegularExpressions;

namespace VideoSearch.Core.Hub;

/// <summary>
/// A parsed <c>--model</c> value: either a local folder, or a Hugging Face hub id <c>org/name</c> with an optional
/// <c>@revision</c> (branch, tag or commit hash).
/// </summary>
public sealed partial class ModelReference
{
    /// <summary>The revision used when a hub id names none.</summary>
    public const string DefaultRevision = "main";

    // Hub ids are limited to 96 characters by huggingface_hub's validate_repo_id.
    private const int MaxRepoIdLength = 96;

    private ModelReference(string? folder, string? organisation, string? name, string? revision)
    {
        Folder = folder;
        Organisation = organisation;
        Name = name;
        Revision = revision;
    }

    /// <summary>The absolute folder path, when the reference is a local folder; otherwise null.</summary>
    public string? Folder { get; }

    /// <summary>The hub organisation or user (<c>microsoft</c>), when the reference is a hub id; otherwise null.</summary>
    public string? Organisation { get; }

    /// <summary>The hub repository name (<c>xclip-base-patch32</c>), when the reference is a hub id; otherwise null.</summary>
    public string? Name { get; }

    /// <summary>The revision (branch, tag or commit hash), when the reference is a hub id; otherwise null.</summary>
    public string? Revision { get; }

    /// <summary>True when the reference is a local folder.</summary>
    public bool IsFolder => Folder is not null;

    /// <summary>The hub id <c>org/name</c>, when the reference is a hub id; otherwise null.</summary>
    public string? RepoId => IsFolder ? null : $"{Organisation}/{Name}";

    /// <summary>
    /// Parses a reference. A value that names an existing folder, or starts with <c>.</c>, <c>/</c> or <c>~</c>, is a
    /// folder (which must exist); anything else must be a hub id <c>org/name[@revision]</c>.
    /// </summary>
    /// <exception cref="ModelReferenceException">The value is empty, a missing folder, a file, or an invalid hub id.</exception>
    public static ModelReference Parse(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        string trimmed = value.Trim();
        if (trimmed.Length == 0) throw new ModelReferenceException("The model reference is empty: give a model folder or a hub id such as microsoft/xclip-base-patch32.");

        if (Directory.Exists(trimmed) || LooksLikePath(trimmed)) return ParseFolder(trimmed);
        return ParseHubId(trimmed);
    }

    /// <inheritdoc/>
    public override string ToString() => IsFolder ? Folder! : $"{RepoId}@{Revision}";

    private static bool LooksLikePath(string value) =>
        value[0] is '.' or '/' or '~' || Path.IsPathRooted(value) || value.Contains('\\');

    private static ModelReference ParseFolder(string value)
    {
        string expanded = value == "~" || value.StartsWith("~/", StringComparison.Ordinal)
            ? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), value.Length > 2 ? value[2..] : "")
            : value;
        string full = Path.GetFullPath(expanded);
        if (File.Exists(full)) throw new ModelReferenceException($"Model reference '{value}' is a file ({full}); give the folder that holds config.json and model.safetensors.");
        if (!Directory.Exists(full)) throw new ModelReferenceException($"Model folder '{value}' does not exist ({full}).");
        return new ModelReference(full, null, null, null);
    }

    private static ModelReference ParseHubId(string value)
    {
        int at = value.IndexOf('@');
        string id = at < 0 ? value : value[..at];
        string revision = at < 0 ? DefaultRevision : value[(at + 1)..];

        string[] parts = id.Split('/');
        if (parts.Length != 2)
        {
            throw new ModelReferenceException(
                $"Model reference '{value}' is not an existing folder and not a hub id of the form org/name[@revision] (e.g. microsoft/xclip-base-patch32).");
        }
        if (id.Length > MaxRepoIdLength || !IsValidIdPart(parts[0]) || !IsValidIdPart(parts[1]))
        {
            throw new ModelReferenceException(
                $"Hub id '{id}' is invalid: each part may use letters, digits, '-', '_' and '.', must not start or end with '-' or '.', " +
                $"must not contain '--' or '..', and the id is at most {MaxRepoIdLength} characters.");
        }
        if (!IsValidRevision(revision))
        {
            throw new ModelReferenceException(
                $"Revision '{revision}' in '{value}' is invalid: use a branch, tag or commit hash made of letters, digits, '-', '_', '.' and '/', without '..'.");
        }
        return new ModelReference(null, parts[0], parts[1], revision);
    }

    // Mirrors huggingface_hub's validate_repo_id for one side of the slash.
    private static bool IsValidIdPart(string part) =>
        IdPart().IsMatch(part) && !part.Contains("--", StringComparison.Ordinal) && !part.Contains("..", StringComparison.Ordinal);

    // Revisions such as refs/pr/3 contain slashes; they become nested folders under refs/, so no part may climb out.
    private static bool IsValidRevision(string revision) =>
        RevisionText().IsMatch(revision) && revision.Split('/').All(p => p.Length > 0 && p != "." && p != "..");

    [GeneratedRegex(@"^[A-Za-z0-9_](?:[A-Za-z0-9_.\-]*[A-Za-z0-9_])?$")]
    private static partial Regex IdPart();

    [GeneratedRegex(@"^[A-Za-z0-9_.\-/]{1,255}$")]
    private static partial Regex RevisionText();
}
