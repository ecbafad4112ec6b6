using VideoSearch.Indexer.Scanning;

namespace VideoSearch.Indexer.Tests;

public sealed class LibraryScannerTests : IDisposable
{
    private readonly TestLibrary _library = TestLibrary.Create(withLinks: true);
    private readonly LibraryScanner _scanner = new(new IndexerOptions().Extensions);

    [Fact]
    public void Scan_MediaWithLoopLink_FindsDeepFileExactlyOnce()
    {
        ScanResult scan = _scanner.Scan(_library.Root);

        Assert.Single(scan.Files, f => f.RelativePath == Path.Join("nested", "level1", "level2", "deep.mp4"));
        Assert.DoesNotContain(scan.Files, f => f.RelativePath.Contains("loop_to_parent"));
    }

    [Fact]
    public void Scan_Media_SkipsHiddenAndNonVideoFiles()
    {
        ScanResult scan = _scanner.Scan(_library.Root);

        Assert.DoesNotContain(scan.Files, f => f.RelativePath.Contains("hidden"));
        Assert.DoesNotContain(scan.Files, f => f.RelativePath.EndsWith(".txt") || f.RelativePath.EndsWith(".json") || f.RelativePath.EndsWith(".md"));
    }

    [Fact]
    public void Scan_Media_FindsEveryFileTheManifestExpectsToIndexOrSkip()
    {
        var expected = TestLibrary.Manifest().Where(m => m.Value.Expect is "index" or "skip").Select(m => m.Key)
            .Where(name => name != "nested/outside_root.mp4").Order(StringComparer.Ordinal).ToList();

        ScanResult scan = _scanner.Scan(_library.Root);

        Assert.Equal(expected, scan.Files.Select(f => f.RelativePath.Replace(Path.DirectorySeparatorChar, '/')).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Scan_LinkLeavingTheRoot_IsRejectedAsOutsideMediaRoot()
    {
        ScanResult scan = _scanner.Scan(_library.Root);

        RejectedFile rejected = Assert.Single(scan.Rejected);
        Assert.Equal(Path.Join("nested", "outside_root.mp4"), rejected.File.RelativePath);
        Assert.Equal("outside_media_root", rejected.Kind);
    }

    [Fact]
    public void Scan_MissingRoot_ThrowsDirectoryNotFound()
    {
        Assert.Throws<DirectoryNotFoundException>(() => _scanner.Scan(Path.Combine(_library.Directory, "absent")));
    }

    public void Dispose() => _library.Dispose();
}
