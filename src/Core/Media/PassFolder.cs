using System.Runtime.InteropServices;

namespace VideoSearch.Core.Media;

/// <summary>
/// The private temporary folder of one one-pass decode (only this user can read it; removed with everything in it on
/// dispose). It holds two things ffmpeg is pointed at:
/// <list type="bullet">
/// <item>the filter graph (<c>-filter_script:v FILE</c>, ffmpeg 5.1): the select expression of a long plan is far
/// longer than Linux's 128 KiB limit on one argument;</item>
/// <item>a named pipe (FIFO) ffmpeg writes the frames to. FFMpegCore's own pipe sink cannot be used here: it
/// disposes its socket as soon as ffmpeg exits, and a consumer that is slower than ffmpeg (the model) has frames
/// still unread in the socket then, which are lost. A FIFO keeps them readable after the writer has gone.</item>
/// </list>
/// </summary>
internal sealed partial class PassFolder : IDisposable
{
    private PassFolder(string folder)
    {
        Folder = folder;
        GraphPath = System.IO.Path.Combine(folder, "graph.txt");
        FifoPath = System.IO.Path.Combine(folder, "frames.rgb");
    }

    /// <summary>The folder.</summary>
    public string Folder { get; }

    /// <summary>The filter graph file.</summary>
    public string GraphPath { get; }

    /// <summary>The FIFO the frames go through.</summary>
    public string FifoPath { get; }

    /// <summary>Creates the folder with <paramref name="graph"/> written and the FIFO made.</summary>
    public static PassFolder Create(string graph)
    {
        ArgumentNullException.ThrowIfNull(graph);
        // CreateTempSubdirectory makes the folder readable by its owner only (mode 700 on Unix).
        var folder = new PassFolder(Directory.CreateTempSubdirectory("videosearch-pass-").FullName);
        try
        {
            if (CommandLineSafePath.NeedsLink(folder.Folder))
            {
                throw new InvalidOperationException($"The temporary folder '{folder.Folder}' holds a character ffmpeg's command line cannot carry; set TMPDIR to a plain path.");
            }
            File.WriteAllText(folder.GraphPath, graph);
            if (MakeFifo(folder.FifoPath, 0b110_000_000) != 0)
            {
                throw new IOException($"Could not create the frame pipe '{folder.FifoPath}' (error {Marshal.GetLastPInvokeError()}).");
            }
            return folder;
        }
        catch
        {
            folder.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Opens the FIFO for reading. Opening a FIFO blocks until a writer opens it too, so this runs on the thread pool
    /// and completes once ffmpeg opens its output (or <see cref="ReleasePendingOpenAsync"/> stands in for it).
    /// </summary>
    public Task<FileStream> OpenFramesAsync() =>
        Task.Run(() => new FileStream(FifoPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, bufferSize: 0), CancellationToken.None);

    /// <summary>
    /// Ends an open of <paramref name="fifo"/> that is still waiting for ffmpeg once ffmpeg has ended without
    /// opening it: opening the FIFO for writing completes both opens, and closing it at once gives the reader the
    /// end of the stream.
    /// </summary>
    public static async Task ReleasePendingOpenAsync(string fifo, Task opening)
    {
        if (opening.IsCompleted) return;
        await Task.Run(() =>
        {
            using var writer = new FileStream(fifo, FileMode.Open, FileAccess.Write, FileShare.ReadWrite, bufferSize: 0);
        }, CancellationToken.None).ConfigureAwait(false);
    }

    /// <summary>Removes the folder and everything in it.</summary>
    public void Dispose()
    {
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // A leftover file in the temporary folder is harmless; failing the media call over it is not.
        }
        catch (UnauthorizedAccessException)
        {
            // As above.
        }
    }

    [LibraryImport("libc", EntryPoint = "mkfifo", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    private static partial int MakeFifo(string path, uint mode);
}
