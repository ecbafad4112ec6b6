namespace VideoSearch.Indexer.Tests;

/// <summary>
/// Takes the folders holding ffmpeg or ffprobe off this process's PATH until disposed, as on a machine where
/// ffmpeg was never installed. PATH is process-wide, so tests that use this run in
/// <see cref="MediaToolsCollection"/>, alone.
/// </summary>
internal sealed class HiddenMediaTools : IDisposable
{
    private readonly string? _path = Environment.GetEnvironmentVariable("PATH");

    public HiddenMediaTools()
    {
        var folders = (_path ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries);
        var kept = folders.Where(f => !File.Exists(Path.Combine(f, "ffmpeg")) && !File.Exists(Path.Combine(f, "ffprobe"))).ToList();
        Assert.True(kept.Count < folders.Length, "ffmpeg is not on PATH to begin with; the test proves nothing");
        Environment.SetEnvironmentVariable("PATH", string.Join(Path.PathSeparator, kept));
    }

    public void Dispose() => Environment.SetEnvironmentVariable("PATH", _path);
}
