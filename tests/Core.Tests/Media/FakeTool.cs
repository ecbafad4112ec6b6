using System.Diagnostics;
using System.Runtime.Versioning;

namespace VideoSearch.Core.Tests.Media;

/// <summary>
/// A stand-in ffprobe/ffmpeg: a shell script with the tool's name in a temporary folder, to be used as
/// <c>MediaToolOptions.BinaryFolder</c>. It answers FFMpegCore's "-version" check like the real tool, touches
/// <see cref="StartedFile"/>, then runs <c>body</c>.
/// </summary>
[SupportedOSPlatform("linux")]
internal sealed class FakeTool : IDisposable
{
    public FakeTool(string name, string body, bool executable = true)
    {
        Folder = Path.Combine(Path.GetTempPath(), $"videosearch-tool-{Guid.NewGuid():N}");
        Directory.CreateDirectory(Folder);
        string script = Path.Combine(Folder, name);
        File.WriteAllText(script,
            $"#!/bin/sh\nif [ \"$1\" = -version ]; then echo \"{name} version fake\"; exit 0; fi\ntouch '{StartedFile}'\n{body}\n");
        File.SetUnixFileMode(script, executable
            ? UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute
            : UnixFileMode.UserRead | UnixFileMode.UserWrite);
    }

    public string Folder { get; }

    /// <summary>Exists once the tool has been started for real (past the version check).</summary>
    public string StartedFile => Path.Combine(Folder, "started");

    public void Dispose() => Directory.Delete(Folder, recursive: true);

    /// <summary>A unique <c>sleep</c> argument, so the sleeping process can be found in /proc.</summary>
    public static string NewMarker() => "600." + Random.Shared.Next(100_000, 999_999);

    /// <summary>Kills processes this test started that outlived what it tests (see the wrapper-script test).</summary>
    public static void KillProcessesMentioning(string text)
    {
        foreach (int pid in TempFifo.ProcessesMentioning(text))
        {
            try
            {
                using var process = Process.GetProcessById(pid);
                process.Kill();
                process.WaitForExit(5000);
            }
            catch (ArgumentException)
            {
                // Already gone.
            }
            catch (InvalidOperationException)
            {
                // Already gone.
            }
        }
    }
}
