using System.Text.RegularExpressions;

namespace VideoSearch.Core.Errors;

/// <summary>Removes absolute paths from text that is shown to remote clients, keeping the last path segment.</summary>
public static partial class PathRedaction
{
    /// <summary>
    /// <paramref name="text"/> with every absolute Unix path (a '/' after the start, a space, a quote or a bracket,
    /// up to the next space, quote or bracket) shortened to its last segment.
    /// </summary>
    public static string Redact(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return AbsolutePath().Replace(text, m =>
        {
            string path = m.Groups["path"].Value.TrimEnd('/', '.', ',', ':', ';');
            string tail = m.Groups["path"].Value[path.Length..];
            string name = Path.GetFileName(path);
            return m.Groups["lead"].Value + (name.Length > 0 ? name : "…") + tail;
        });
    }

    [GeneratedRegex(@"(?<lead>^|[\s'""(\[=])(?<path>/[^\s'""()\[\]]*)")]
    private static partial Regex AbsolutePath();
}
