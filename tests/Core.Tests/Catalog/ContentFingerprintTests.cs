using VideoSearch.Core.Catalog;
using VideoSearch.TestSupport;

namespace VideoSearch.Core.Tests.Catalog;

public class ContentFingerprintTests : IDisposable
{
    private readonly string _directory = TempCatalog.NewDirectory();

    public ContentFingerprintTests() => Directory.CreateDirectory(_directory);

    [Fact]
    public async Task ComputeAsync_CopyUnderUnicodeName_SameFingerprint()
    {
        string original = Path.Combine(Fixtures.Media, "café vidéo – l'été 動画.mp4");
        string copy = Path.Combine(_directory, "moved – 動画.mp4");
        File.Copy(original, copy);

        string first = await ContentFingerprint.ComputeAsync(original);
        string second = await ContentFingerprint.ComputeAsync(copy);

        Assert.Equal(first, second);
        Assert.Matches("^v1:[0-9a-f]{64}$", first);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1_000)]
    [InlineData(1_000_000)]
    public async Task ComputeAsync_OneByteChangedInMiddleWindow_DifferentFingerprint(int size)
    {
        byte[] content = new byte[Math.Max(size, 1)];
        new Random(size).NextBytes(content);
        string a = Path.Combine(_directory, "a.bin");
        string b = Path.Combine(_directory, "b.bin");
        await File.WriteAllBytesAsync(a, content);
        content[content.Length / 2] ^= 0x55;
        await File.WriteAllBytesAsync(b, content);

        Assert.NotEqual(await ContentFingerprint.ComputeAsync(a), await ContentFingerprint.ComputeAsync(b));
    }

    [Fact]
    public async Task ComputeAsync_SameWindowsDifferentSize_DifferentFingerprint()
    {
        string a = Path.Combine(_directory, "a.bin");
        string b = Path.Combine(_directory, "b.bin");
        await File.WriteAllBytesAsync(a, new byte[10]);
        await File.WriteAllBytesAsync(b, new byte[11]);

        Assert.NotEqual(await ContentFingerprint.ComputeAsync(a), await ContentFingerprint.ComputeAsync(b));
    }

    [Fact]
    public void WindowOffsets_LargeFile_ReadsStartMiddleAndEndOnly()
    {
        long size = 10_000_000;

        long[] offsets = ContentFingerprint.WindowOffsets(size).ToArray();

        Assert.Equal([0, size / 2 - ContentFingerprint.WindowBytes / 2, size - ContentFingerprint.WindowBytes], offsets);
    }

    [Fact]
    public async Task ComputeAsync_MissingFile_ThrowsFileNotFoundNamingIt()
    {
        string missing = Path.Combine(_directory, "missing.mp4");

        var error = await Assert.ThrowsAsync<FileNotFoundException>(() => ContentFingerprint.ComputeAsync(missing));

        Assert.Contains("missing.mp4", error.Message);
    }

    [Fact]
    public async Task ReadAsync_FixtureVideo_CapturesSizeTimeAndFingerprint()
    {
        string path = Path.Combine(Fixtures.Media, "mp4_h264_aac_320x240.mp4");

        FileIdentity identity = await FileIdentity.ReadAsync(path);

        Assert.Equal(new FileInfo(path).Length, identity.Size);
        Assert.Equal(FileIdentity.ToUnixNs(File.GetLastWriteTimeUtc(path)), identity.ModifiedUnixNs);
        Assert.Equal(await ContentFingerprint.ComputeAsync(path), identity.Fingerprint);
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}
