using VideoSearch.Core.Catalog;
using VideoSearch.Core.Errors;

namespace VideoSearch.Core.Checkpoints;

/// <summary>
/// A model file or folder could not be written: a full disk, missing permissions, an I/O error. Nothing half-written
/// is left under the target name (writes go to a temporary name and are renamed once complete), so this is
/// <see cref="ErrorKind.Environment"/>: once the cause is gone the same save succeeds.
/// </summary>
public sealed class CheckpointWriteException : VideoSearchException
{
    /// <summary>Creates the exception for <paramref name="path"/>, the file or folder that was being written.</summary>
    public CheckpointWriteException(string path, bool diskFull, string detail, Exception? inner = null)
        : base(ErrorKind.Environment, Describe(path, diskFull, detail), inner)
    {
        TargetPath = path;
        DiskFull = diskFull;
    }

    /// <summary>The file or folder that was being written.</summary>
    public string TargetPath { get; }

    /// <summary>True when the disk was full (ENOSPC, or ERROR_DISK_FULL on Windows).</summary>
    public bool DiskFull { get; }

    /// <summary>Wraps a file-system failure met while writing <paramref name="path"/>, telling a full disk from the rest.</summary>
    public static CheckpointWriteException From(string path, Exception exception) => exception switch
    {
        IOException io => new CheckpointWriteException(path, CatalogErrors.IsDiskFull(io), io.Message, io),
        _ => new CheckpointWriteException(path, diskFull: false, exception.Message, exception),
    };

    private static string Describe(string path, bool diskFull, string detail)
    {
        string directory = Path.GetDirectoryName(Path.GetFullPath(path)) ?? ".";
        return diskFull
            ? $"The disk holding {directory} is full ({detail}): free space there and save again; '{path}' was not " +
              "written and whatever was there before is kept"
            : $"Writing '{path}' failed ({detail}): check that {directory} exists, is writable and has space, and save " +
              "again; whatever was there before is kept";
    }
}
