using VideoSearch.Core.Errors;
using VideoSearch.Core.Library;

namespace VideoSearch.Core.Tests.Library;

public sealed class LibraryLockTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "videosearch-lock-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public void Acquire_SecondWriter_ThrowsInUseNamingTheHolder()
    {
        using LibraryLock first = LibraryLock.Acquire(_directory, "serve");

        var e = Assert.Throws<LibraryInUseException>(() => LibraryLock.Acquire(_directory, "index"));

        Assert.Equal(ErrorKind.InUse, e.Kind);
        Assert.Contains($"library in use by PID {Environment.ProcessId} (videosearch serve), started ", e.Message);
        Assert.Contains(_directory, e.Message);
    }

    [Fact]
    public void Acquire_AfterTheHolderReleased_Succeeds()
    {
        LibraryLock.Acquire(_directory, "index").Dispose();

        using LibraryLock again = LibraryLock.Acquire(_directory, "index");

        Assert.True(File.Exists(Path.Combine(_directory, LibraryLock.OwnerFileName)));
    }

    [Fact]
    public void Acquire_MissingFolder_CreatesIt()
    {
        using LibraryLock held = LibraryLock.Acquire(_directory, "index");

        Assert.True(File.Exists(Path.Combine(_directory, LibraryLock.FileName)));
    }

    public void Dispose()
    {
        if (Directory.Exists(_directory)) Directory.Delete(_directory, recursive: true);
    }
}
