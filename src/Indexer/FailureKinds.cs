using System.Text;
using VideoSearch.Core.Media;

namespace VideoSearch.Indexer;

/// <summary>The short failure categories stored in the catalog and shown to users, e.g. <c>no_video_stream</c>.</summary>
internal static class FailureKinds
{
    /// <summary>An error the indexer could not classify (a bug or an environment problem), kept with its message.</summary>
    public const string Internal = "internal_error";

    /// <summary>The catalog refused the clips of a video.</summary>
    public const string Catalog = "catalog_error";

    /// <summary>The file could not be read.</summary>
    public const string Unreadable = "unreadable";

    /// <summary>The snake_case name of a media error kind (<c>NoVideoStream</c> gives <c>no_video_stream</c>).</summary>
    public static string Of(MediaErrorKind kind)
    {
        string name = kind.ToString();
        var text = new StringBuilder(name.Length + 4);
        for (int i = 0; i < name.Length; i++)
        {
            if (char.IsUpper(name[i]) && i > 0) text.Append('_');
            text.Append(char.ToLowerInvariant(name[i]));
        }
        return text.ToString();
    }
}
