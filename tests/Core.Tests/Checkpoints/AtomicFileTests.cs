using VideoSearch.Core.Checkpoints;

namespace VideoSearch.Core.Tests.Checkpoints;

public sealed class AtomicFileTests : IDisposable
{
    private const int Enospc = 28;
    private readonly string dir = Directory.CreateTempSubdirectory("atomic-file-tests-").FullName;

    public void Dispose() => Directory.Delete(dir, recursive: true);

    [Fact]
    public void Write_DiskFullHalfway_KeepsThePreviousFileAndLeavesNoTemporary()
    {
        string path = Path.Combine(dir, "model.safetensors");
        File.WriteAllText(path, "previous");

        var e = Assert.Throws<CheckpointWriteException>(() => AtomicFile.Write(path, stream =>
        {
            stream.Write(new byte[4096]);
            // What FileStream raises on ENOSPC: an IOException whose HResult is the errno.
            throw new IOException("No space left on device", Enospc);
        }));

        Assert.True(e.DiskFull);
        Assert.Equal(Core.Errors.ErrorKind.Environment, e.Kind);
        Assert.Contains("is full", e.Message);
        Assert.Equal("previous", File.ReadAllText(path));
        Assert.Equal([path], Directory.GetFileSystemEntries(dir));
    }

    [Fact]
    public void Write_RealFullDevice_IsReportedAsDiskFull()
    {
        // /dev/full answers every write with ENOSPC, so this checks the errno really is recognised.
        var caught = Assert.ThrowsAny<IOException>(() =>
        {
            using var full = new FileStream("/dev/full", FileMode.Open, FileAccess.Write);
            full.Write(new byte[16]);
            full.Flush();
        });
        Assert.True(CheckpointWriteException.From("/dev/full", caught).DiskFull);
    }

    [Fact]
    public void Write_MissingFolder_ThrowsWriteExceptionNotDiskFull()
    {
        var e = Assert.Throws<CheckpointWriteException>(() =>
            AtomicFile.Write(Path.Combine(dir, "absent", "model.safetensors"), s => s.WriteByte(1)));
        Assert.False(e.DiskFull);
    }

    [Fact]
    public void Write_Success_ReplacesTheFileAndLeavesNoTemporary()
    {
        string path = Path.Combine(dir, "config.json");
        File.WriteAllText(path, "old");

        AtomicFile.Write(path, s => s.Write("new"u8));

        Assert.Equal("new", File.ReadAllText(path));
        Assert.Equal([path], Directory.GetFileSystemEntries(dir));
    }
}
