using VideoSearch.Cli;

namespace VideoSearch.Cli.Tests.Arguments;

public sealed class LibraryFolderTests
{
    [Fact]
    public void Parse_NameEqualsPath_NamesTheRoot()
    {
        LibraryFolder folder = LibraryFolder.Parse("media=/data/media/");

        Assert.Equal("media", folder.Name);
        Assert.Equal("/data/media", folder.FullPath);
    }

    [Theory]
    [InlineData("/data/media")]
    [InlineData("/data/a=b")] // '=' after a separator: a path, not a name
    public void Parse_Path_HasNoName(string text)
    {
        LibraryFolder folder = LibraryFolder.Parse(text);

        Assert.Null(folder.Name);
        Assert.Equal(text, folder.FullPath);
    }
}
