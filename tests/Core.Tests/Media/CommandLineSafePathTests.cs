using VideoSearch.Core.Media;

namespace VideoSearch.Core.Tests.Media;

public class CommandLineSafePathTests
{
    [Theory]
    [InlineData("/media/café vidéo – l'été 動画.mp4")]
    [InlineData("/media/-starts-with-dash.mp4")]
    [InlineData("/media/a b  c.mp4")]
    public void For_PathFFMpegCoreCanQuote_IsUsedAsItIs(string path)
    {
        using var safe = CommandLineSafePath.For(path);

        Assert.Equal(path, safe.Path);
    }

    [Theory]
    [InlineData("say \"hi\".mp4")]
    [InlineData("back\\slash.mp4")]
    [InlineData("ends-with-backslash\\")]
    public void For_NameWithQuoteOrBackslash_LinksUnderAPlainNameUntilDisposed(string name)
    {
        string folder = Path.Combine(Path.GetTempPath(), $"videosearch-names-{Guid.NewGuid():N}");
        Directory.CreateDirectory(folder);
        string path = Path.Combine(folder, name);
        File.WriteAllText(path, "x");
        try
        {
            string link;
            using (var safe = CommandLineSafePath.For(path))
            {
                link = safe.Path;
                Assert.False(CommandLineSafePath.NeedsLink(link));
                Assert.Equal(path, new FileInfo(link).LinkTarget);
                Assert.Equal("x", File.ReadAllText(link));
            }
            Assert.False(File.Exists(link));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
