namespace VideoSearch.Core.Tests.Media;

/// <summary>A copy of one file under a unique temporary name, so /proc can tell this test's ffmpeg from others'.</summary>
internal sealed class TempFileCopy : IDisposable
{
    public TempFileCopy(string source)
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"videosearch-copy-{Guid.NewGuid():N}{System.IO.Path.GetExtension(source)}");
        File.Copy(source, Path);
    }

    public string Path { get; }

    public void Dispose() => File.Delete(Path);
}
