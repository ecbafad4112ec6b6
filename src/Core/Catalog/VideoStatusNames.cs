namespace VideoSearch.Core.Catalog;

/// <summary>The spelling of <see cref="VideoStatus"/> in the <c>videos.status</c> column.</summary>
internal static class VideoStatusNames
{
    public const string Pending = "pending";
    public const string Indexed = "indexed";
    public const string Failed = "failed";

    public static string ToName(VideoStatus status) => status switch
    {
        VideoStatus.Pending => Pending,
        VideoStatus.Indexed => Indexed,
        VideoStatus.Failed => Failed,
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, "Unknown video status"),
    };

    public static VideoStatus Parse(string name) => name switch
    {
        Pending => VideoStatus.Pending,
        Indexed => VideoStatus.Indexed,
        Failed => VideoStatus.Failed,
        _ => throw new InvalidDataException($"Unknown video status '{name}' in the catalog"),
    };
}
