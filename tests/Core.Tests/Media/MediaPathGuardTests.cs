using VideoSearch.Core.Media;

namespace VideoSearch.Core.Tests.Media;

public sealed class MediaPathGuardTests : IDisposable
{
    private readonly TempMediaCopy _media = new();

    public void Dispose() => _media.Dispose();

    [Fact]
    public void EnsureInside_LinkToEtcHostname_ThrowsOutsideMediaRoot()
    {
        var guard = new MediaPathGuard(_media.Root);

        var e = Assert.Throws<MediaException>(() => guard.EnsureInside(_media.PathOf("nested/outside_root.mp4")));

        Assert.Equal(MediaErrorKind.OutsideMediaRoot, e.Reason);
        Assert.Contains("outside_root.mp4", e.Message);
    }

    [Fact]
    public void IsInside_LinkLoopToParentInsideTheRoot_IsInsideAndResolvesToTheParent()
    {
        var guard = new MediaPathGuard(_media.Root);
        string throughLoop = _media.PathOf("nested/level1/loop_to_parent/level1/loop_to_parent/level1/level2/deep.mp4");

        Assert.True(guard.IsInside(throughLoop));
        Assert.Equal(_media.PathOf("nested/level1/level2/deep.mp4"), guard.EnsureInside(throughLoop));
    }

    [Fact]
    public void IsInside_GuardRootedBelowTheLoop_LoopLeadsOutside()
    {
        var guard = new MediaPathGuard(_media.PathOf("nested/level1"));

        Assert.False(guard.IsInside(_media.PathOf("nested/level1/loop_to_parent/outside_root.mp4")));
        Assert.True(guard.IsInside(_media.PathOf("nested/level1/level2/deep.mp4")));
    }

    [Theory]
    [InlineData("../etc/passwd")]
    [InlineData("nested/../../outside.mp4")]
    [InlineData("/etc/hostname")]
    [InlineData("/")]
    public void IsInside_DotDotOrAbsoluteElsewhere_IsFalse(string path) =>
        Assert.False(new MediaPathGuard(_media.Root).IsInside(path));

    [Theory]
    [InlineData("mp4_h264_aac_320x240.mp4")]
    [InlineData("nested/level1/../level1/level2/deep.mp4")]
    [InlineData("café vidéo – l'été 動画.mp4")]
    [InlineData("not-yet-there.mp4")]
    public void IsInside_RelativePathsWithinTheRoot_IsTrue(string path) =>
        Assert.True(new MediaPathGuard(_media.Root).IsInside(path));

    [Fact]
    public void IsInside_SiblingFolderSharingThePrefix_IsFalse()
    {
        string sibling = _media.Root + "-sibling";
        Directory.CreateDirectory(sibling);
        try
        {
            Assert.False(new MediaPathGuard(_media.Root).IsInside(Path.Combine(sibling, "a.mp4")));
        }
        finally
        {
            Directory.Delete(sibling);
        }
    }

    [Fact]
    public void Constructor_RootThroughALink_IsResolved()
    {
        string link = _media.Root + "-link";
        Directory.CreateSymbolicLink(link, _media.Root);
        try
        {
            var guard = new MediaPathGuard(link);

            Assert.Equal(_media.Root, guard.Root);
            Assert.True(guard.IsInside(_media.PathOf("no_audio_320x240.mp4")));
        }
        finally
        {
            File.Delete(link);
        }
    }

    [Fact]
    public void TryResolve_LinkInsideTheRoot_GivesTheResolvedPath()
    {
        var guard = new MediaPathGuard(_media.Root);

        Assert.True(guard.TryResolve("nested/level1/loop_to_parent/level1/level2/deep.mp4", out string? resolved));
        Assert.Equal(_media.PathOf("nested/level1/level2/deep.mp4"), resolved);
    }

    [Theory]
    [InlineData("")]
    [InlineData("nested\0/x.mp4")]
    [InlineData("nested/outside_root.mp4")]
    [InlineData("..")]
    public void TryResolve_EmptyNulOrOutside_IsFalseWithNoPath(string path)
    {
        Assert.False(new MediaPathGuard(_media.Root).TryResolve(path, out string? resolved));
        Assert.Null(resolved);
    }

    [Theory]
    [InlineData("/a/b", "/a/b", true)]
    [InlineData("/a/b/x.mp4", "/a/b", true)]
    [InlineData("/a/b/x.mp4", "/a/b/", true)]
    [InlineData("/a/bc/x.mp4", "/a/b", false)]
    [InlineData("/a", "/a/b", false)]
    [InlineData("/a/b", "/", true)]
    [InlineData("/A/b/x.mp4", "/a/b", false)]
    public void IsUnder_WholeSegmentsOnly(string path, string root, bool expected) =>
        Assert.Equal(expected, MediaPathGuard.IsUnder(path, root));
}
