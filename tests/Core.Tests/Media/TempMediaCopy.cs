using VideoSearch.TestSupport;

namespace VideoSearch.Core.Tests.Media;

/// <summary>
/// A temporary copy of the test media with the two symbolic links the media README describes (they are not
/// shipped): nested/level1/loop_to_parent -> .. and nested/outside_root.mp4 -> /etc/hostname.
/// </summary>
internal sealed class TempMediaCopy : IDisposable
{
    public TempMediaCopy()
    {
        Root = Path.Combine(Path.GetTempPath(), "videosearch-media-" + Guid.NewGuid().ToString("N"));
        CopyTree(Fixtures.Media, Root);
        Directory.CreateSymbolicLink(Path.Combine(Root, "nested", "level1", "loop_to_parent"), "..");
        File.CreateSymbolicLink(Path.Combine(Root, "nested", "outside_root.mp4"), "/etc/hostname");
    }

    public string Root { get; }

    public string PathOf(string relative) => Path.Combine(Root, relative);

    public void Dispose() => Directory.Delete(Root, recursive: true);

    private static void CopyTree(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (string file in Directory.GetFiles(from)) File.Copy(file, Path.Combine(to, Path.GetFileName(file)));
        foreach (string dir in Directory.GetDirectories(from)) CopyTree(dir, Path.Combine(to, Path.GetFileName(dir)));
    }
}
