using VideoSearch.Core.Catalog;

namespace VideoSearch.Core.Tests.Catalog;

public sealed class LibraryRootPathsTests
{
    [Fact]
    public void Resolve_MappedRoot_JoinsItsLocalFolder_OthersKeepTheStoredPath()
    {
        var paths = new LibraryRootPaths();
        paths.Map(new RootId(1), "/mnt/media", "/data/media/");

        Assert.Equal("/data/media/a/b.mp4", paths.Resolve(1, "a/b.mp4", "/mnt/media/a/b.mp4"));
        Assert.Equal("/films/c.mp4", paths.Resolve(2, "c.mp4", "/films/c.mp4"));
        Assert.Equal("/data/media", paths.ResolveRoot(1, "/mnt/media"));
    }

    [Fact]
    public void ToStored_PathUnderAMappedRoot_IsTheSamePathUnderTheStoredRoot_OnWholeSegmentsOnly()
    {
        var paths = new LibraryRootPaths();
        paths.Map(new RootId(1), "/mnt/media", "/data/media");

        Assert.Equal("/mnt/media/trips", paths.ToStored("/data/media/trips"));
        Assert.Equal("/mnt/media", paths.ToStored("/data/media"));
        Assert.Equal("/data/mediaX/trips", paths.ToStored("/data/mediaX/trips"));
    }

    [Fact]
    public void Map_SamePathAsStored_IsNoMapping()
    {
        var paths = new LibraryRootPaths();
        paths.Map(new RootId(1), "/mnt/media", "/data/media");
        paths.Map(new RootId(1), "/mnt/media", "/mnt/media");

        Assert.Equal("/mnt/media/x.mp4", paths.Resolve(1, "x.mp4", "/mnt/media/x.mp4"));
    }
}
