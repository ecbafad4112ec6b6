using VideoSearch.TestSupport;

namespace VideoSearch.Core.Tests.Media;

/// <summary>Recorded ffprobe/ffmpeg output committed next to these tests (tests/Core.Tests/Media/Golden).</summary>
internal static class GoldenFiles
{
    public static string Read(string name) =>
        File.ReadAllText(Path.Combine(Fixtures.RepositoryRoot, "tests", "Core.Tests", "Media", "Golden", name));
}
