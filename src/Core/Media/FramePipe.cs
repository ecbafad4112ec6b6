using System.IO.Pipes;

namespace VideoSearch.Core.Media;

/// <summary>
/// The pipe a one-pass decode's frames come through (<see cref="OnePassExtraction"/>). It is an anonymous pipe whose
/// write end ffmpeg opens by path, <c>/proc/{this process}/fd/{fd}</c> (Linux):
/// <list type="bullet">
/// <item>not FFMpegCore's pipe sink, which disposes its socket as soon as ffmpeg exits, so a consumer slower than
/// ffmpeg (the model) would lose the frames still unread;</item>
/// <item>not a named pipe in a folder: opening a FIFO for writing waits for a reader, and if this process died before
/// ffmpeg opened it (a kill, a crash), ffmpeg would wait there for ever, deaf to SIGTERM. Through <c>/proc</c> the
/// path goes with this process: ffmpeg's open fails and it exits; once it is open, a reader that has gone gives
/// ffmpeg a broken pipe and it exits too.</item>
/// </list>
/// This process keeps its own copy of the write end until ffmpeg has ended (<see cref="ReleaseWriter"/>): the reader
/// never sees an end of stream before ffmpeg has opened the pipe, and sees it once ffmpeg is gone and the frames are read.
/// </summary>
internal sealed class FramePipe : IDisposable
{
    private readonly AnonymousPipeServerStream _pipe = new(PipeDirection.In, HandleInheritability.None);
    private int _writerReleased;

    /// <summary>A pipe with both ends open in this process.</summary>
    public FramePipe()
    {
        WriterPath = $"/proc/{Environment.ProcessId}/fd/{_pipe.ClientSafePipeHandle.DangerousGetHandle()}";
    }

    /// <summary>True where a process can open another's pipe through <c>/proc</c> (Linux).</summary>
    public static bool IsSupported { get; } = OperatingSystem.IsLinux() && Directory.Exists($"/proc/{Environment.ProcessId}/fd");

    /// <summary>The path ffmpeg writes the frames to.</summary>
    public string WriterPath { get; }

    /// <summary>The read end.</summary>
    public Stream Frames => _pipe;

    /// <summary>Closes this process's copy of the write end (once ffmpeg has ended), so the reader reaches the end of the frames.</summary>
    public void ReleaseWriter()
    {
        if (Interlocked.Exchange(ref _writerReleased, 1) == 0) _pipe.DisposeLocalCopyOfClientHandle();
    }

    /// <summary>Closes both ends.</summary>
    public void Dispose()
    {
        ReleaseWriter();
        _pipe.Dispose();
    }
}
