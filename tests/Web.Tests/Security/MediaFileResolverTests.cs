using VideoSearch.Core.Catalog;
using VideoSearch.Search.Contracts;
using VideoSearch.Web.Library;
using VideoSearch.Web.Media;

namespace VideoSearch.Web.Tests.Security;

public sealed class MediaFileResolverTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "videosearch-resolver-" + Guid.NewGuid().ToString("N")[..8]);
    private readonly string _root;
    private readonly string _outside;
    private readonly MediaFileResolver _resolver;

    public MediaFileResolverTests()
    {
        _root = Path.Combine(_folder, "root");
        _outside = Path.Combine(_folder, "root-sibling");
        Directory.CreateDirectory(Path.Combine(_root, "sub"));
        Directory.CreateDirectory(_outside);
        File.WriteAllText(Path.Combine(_root, "sub", "in.mp4"), "in");
        File.WriteAllText(Path.Combine(_outside, "out.mp4"), "out");
        _resolver = new MediaFileResolver(new RootsOnly([_root]));
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void ResolveFile_FileInside_ReturnsItsCanonicalPath()
    {
        Assert.Equal(Path.Combine(_root, "sub", "in.mp4"), _resolver.ResolveFile(Path.Combine(_root, "sub", "..", "sub", "in.mp4")));
    }

    [Fact]
    public void ResolveFile_SiblingFolderSharingThePrefix_IsRefused()
    {
        // "root-sibling" starts with "root": a plain prefix test would let it through.
        Assert.Null(_resolver.ResolveFile(Path.Combine(_outside, "out.mp4")));
    }

    [Fact]
    public void ResolveFile_DotDotOutOfRoot_IsRefused()
    {
        Assert.Null(_resolver.ResolveFile(Path.Combine(_root, "..", "root-sibling", "out.mp4")));
    }

    [Fact]
    public void ResolveFile_LinkedFolderAboveTheFile_IsResolvedAndRefused()
    {
        // Only the folder is a link, not the file: following the last component alone would miss it.
        Directory.CreateSymbolicLink(Path.Combine(_root, "via"), _outside);

        Assert.Null(_resolver.ResolveFile(Path.Combine(_root, "via", "out.mp4")));
        Assert.Null(_resolver.ResolveRelative("via/out.mp4"));
    }

    [Fact]
    public void ResolveFile_RootItselfThroughALink_StillServesInside()
    {
        string linkedRoot = Path.Combine(_folder, "root-link");
        Directory.CreateSymbolicLink(linkedRoot, _root);
        var resolver = new MediaFileResolver(new RootsOnly([linkedRoot]));

        Assert.Equal(Path.Combine(_root, "sub", "in.mp4"), resolver.ResolveFile(Path.Combine(linkedRoot, "sub", "in.mp4")));
        Assert.Equal(Path.Combine(_root, "sub", "in.mp4"), resolver.ResolveRelative("sub/in.mp4"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("sub")]
    [InlineData("sub/missing.mp4")]
    [InlineData("../root-sibling/out.mp4")]
    [InlineData("sub/../../root-sibling/out.mp4")]
    [InlineData("sub\\..\\..\\root-sibling\\out.mp4")]
    [InlineData("sub/in.mp4\0.txt")]
    public void ResolveRelative_NotAFileInside_ReturnsNull(string relative)
    {
        Assert.Null(_resolver.ResolveRelative(relative));
    }

    [Fact]
    public void ResolveRelative_AbsolutePath_ReturnsNull()
    {
        Assert.Null(_resolver.ResolveRelative(Path.Combine(_root, "sub", "in.mp4")));
    }

    [Fact]
    public void ResolveFile_RelativePath_ReturnsNull()
    {
        Assert.Null(_resolver.ResolveFile("sub/in.mp4"));
    }

    [Fact]
    public void DisplayPath_FileInRoot_IsRelativeWithSlashes()
    {
        Assert.Equal("sub/in.mp4", _resolver.DisplayPath(Path.Combine(_root, "sub", "in.mp4")));
        Assert.Equal("out.mp4", _resolver.DisplayPath(Path.Combine(_outside, "out.mp4")));
    }

    [Theory]
    [InlineData("sub", "root/sub")]
    [InlineData("root/sub", "root/sub")] // the first segment names a media folder
    [InlineData("other", "other")]
    [InlineData("other/deep", "other/deep")]
    [InlineData("deep", "other/deep")] // not in the first media folder: the first one holding it
    [InlineData("root", "root")]
    public void TryResolveFolder_SeveralRoots_FollowsTheDocumentedRule(string value, string expected)
    {
        string other = Path.Combine(_folder, "other");
        Directory.CreateDirectory(Path.Combine(other, "deep"));
        var resolver = new MediaFileResolver(new RootsOnly([_root, other]));

        Assert.True(resolver.TryResolveFolder(value, out string? folder));
        Assert.Equal(Path.Combine(_folder, expected), folder);
    }

    [Theory]
    [InlineData("..")]
    [InlineData("sub/../..")]
    [InlineData("/etc")]
    [InlineData("sub/in.mp4")]
    [InlineData("via")]
    [InlineData("sub\\..")]
    public void TryResolveFolder_LeavesTheRootOrIsNoFolder_IsFalse(string value)
    {
        Directory.CreateSymbolicLink(Path.Combine(_root, "via"), _outside);
        var resolver = new MediaFileResolver(new RootsOnly([_root, Path.Combine(_folder, "other")]));

        Assert.False(resolver.TryResolveFolder(value, out _));
    }

    [Fact]
    public void TryResolveFolder_RootThroughALink_KeepsTheConfiguredSpelling()
    {
        // The catalog records paths under the media folder as configured, so the filter must use the same spelling.
        string linkedRoot = Path.Combine(_folder, "root-link");
        Directory.CreateSymbolicLink(linkedRoot, _root);

        Assert.True(new MediaFileResolver(new RootsOnly([linkedRoot])).TryResolveFolder("sub", out string? folder));
        Assert.Equal(Path.Combine(linkedRoot, "sub"), folder);
    }

    [Fact]
    public void PublicText_PathsInsideAndOutside_RelativeOrFileNameOnly()
    {
        string text = $"cannot read {Path.Combine(_root, "sub", "in.mp4")} (see /var/lib/videosearch/catalog.db)";

        Assert.Equal("cannot read sub/in.mp4 (see catalog.db)", _resolver.PublicText(text));
    }

    private sealed class RootsOnly(IReadOnlyList<string> roots) : IMediaLibrary
    {
        public IReadOnlyList<string> MediaRoots => roots;

        public Task<VideoDetails?> GetVideoAsync(long videoId, CancellationToken cancellationToken) => Task.FromResult<VideoDetails?>(null);

        public Task<LibraryPage> ListVideosAsync(SearchFilters? filters, int offset, int limit, CancellationToken cancellationToken) =>
            Task.FromResult(new LibraryPage(0, []));

        public Task<IReadOnlyList<string>> ListVideoPathsAsync(CancellationToken cancellationToken) => Task.FromResult<IReadOnlyList<string>>([]);

        public Task<byte[]?> GetThumbnailAsync(long clipId, CancellationToken cancellationToken) => Task.FromResult<byte[]?>(null);

        public Task<byte[]?> GetPreviewAsync(long clipId, CancellationToken cancellationToken) => Task.FromResult<byte[]?>(null);
    }
}
