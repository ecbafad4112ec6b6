namespace VideoSearch.Core.Media;

/// <summary>
/// The private temporary folder of one one-pass decode (only this user can read it; removed with everything in it on
/// dispose). It holds the filter graph ffmpeg is pointed at (<c>-filter_script:v FILE</c>, ffmpeg 5.1): the select
/// expression of a long plan is far longer than Linux's 128 KiB limit on one argument. The frames go through a
/// <see cref="FramePipe"/>.
/// </summary>
internal sealed class PassFolder : IDisposable
{
    private PassFolder(string folder)
    {
        Folder = folder;
        GraphPath = System.IO.Path.Combine(folder, "graph.txt");
    }

    /// <summary>The folder.</summary>
    public string Folder { get; }

    /// <summary>The filter graph file.</summary>
    public string GraphPath { get; }

    /// <summary>Creates the folder with <paramref name="graph"/> written.</summary>
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
            return folder;
        }
        catch
        {
            folder.Dispose();
            throw;
        }
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
}
