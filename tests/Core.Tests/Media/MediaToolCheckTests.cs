using System.Runtime.Versioning;
using VideoSearch.Core.Errors;
using VideoSearch.Core.Media;

namespace VideoSearch.Core.Tests.Media;

[SupportedOSPlatform("linux")]
public sealed class MediaToolCheckTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("vs-tools-").FullName;

    [Fact]
    public async Task FindProblemsAsync_InstalledTools_FindsNone()
    {
        Assert.Empty(await new MediaToolCheck().FindProblemsAsync());
    }

    [Fact]
    public async Task EnsureAvailableAsync_FolderWithoutTools_ThrowsEnvironmentErrorWithTheAdvice()
    {
        var check = new MediaToolCheck(new MediaToolOptions { BinaryFolder = _folder });

        var e = await Assert.ThrowsAsync<MediaToolsMissingException>(() => check.EnsureAvailableAsync());

        Assert.Equal(ErrorKind.Environment, e.Kind);
        Assert.StartsWith(MediaToolsMissingException.Advice, e.Message);
        Assert.Equal(2, e.Problems.Count);
        Assert.Contains(e.Problems, p => p.Contains("no ffprobe", StringComparison.Ordinal));
    }

    [Fact]
    public async Task FindProblemsAsync_ToolThatDoesNotRun_NamesIt()
    {
        foreach (string name in new[] { "ffmpeg", "ffprobe" })
        {
            string tool = Path.Combine(_folder, name);
            File.WriteAllText(tool, "#!/bin/sh\necho 'error while loading shared libraries: libavdevice.so.60' >&2\nexit 127\n");
            File.SetUnixFileMode(tool, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        IReadOnlyList<string> problems = await new MediaToolCheck(new MediaToolOptions { BinaryFolder = _folder }).FindProblemsAsync();

        Assert.Equal(2, problems.Count);
        Assert.All(problems, p => Assert.Contains("exit code 127: error while loading shared libraries", p));
    }

    [Fact]
    public async Task FindProblemsAsync_ToolWithoutExecutePermission_IsMissing()
    {
        string tool = Path.Combine(_folder, "ffmpeg");
        File.WriteAllText(tool, "#!/bin/sh\nexit 0\n");
        File.SetUnixFileMode(tool, UnixFileMode.UserRead | UnixFileMode.UserWrite);

        IReadOnlyList<string> problems = await new MediaToolCheck(new MediaToolOptions { BinaryFolder = _folder }).FindProblemsAsync();

        Assert.Contains(problems, p => p.Contains("no ffmpeg", StringComparison.Ordinal));
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
