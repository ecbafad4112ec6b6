namespace VideoSearch.Web.Endpoints;

/// <summary>How the <c>folder</c> filter names a folder (the rule is <see cref="Media.MediaFileResolver.TryResolveFolder"/>).</summary>
internal static class FolderRule
{
    /// <summary>The parameter's description, as the OpenAPI document shows it.</summary>
    public const string Description =
        "Only videos under this folder, given by its path inside a media folder with / separators (e.g. holiday/2024). " +
        "With several media folders, a first segment equal to a media folder's name selects it; otherwise the first media folder " +
        "holding the path is used. Absolute paths, .. and links leading out of the media folder are refused (400).";
}
