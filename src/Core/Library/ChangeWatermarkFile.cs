using System.Text;
using System.Text.Json;
using VideoSearch.Core.Checkpoints;

namespace VideoSearch.Core.Library;

/// <summary>
/// The sidecar of a shared catalog's index file (<see cref="LibraryVectorIndex.WatermarkFileName"/>): which catalog the
/// saved index was built from and the last change of its sequence the file holds. It is written after the index file,
/// with the number applied when that save began, so a crash between the two leaves an older number and the next open
/// replays a few changes again, which is harmless.
/// </summary>
internal sealed record ChangeWatermarkFile(string Location, long Sequence)
{
    private static readonly JsonSerializerOptions s_json = new() { PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    /// <summary>The watermark saved at <paramref name="path"/>, or null when there is none or it is unreadable.</summary>
    public static ChangeWatermarkFile? TryRead(string path)
    {
        try
        {
            var saved = JsonSerializer.Deserialize<ChangeWatermarkFile>(File.ReadAllBytes(path), s_json);
            return saved is { Location: not null, Sequence: >= 0 } ? saved : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or JsonException)
        {
            // Missing or damaged: either way the index file beside it cannot be trusted to be in step.
            return null;
        }
    }

    /// <summary>Writes this watermark to <paramref name="path"/> atomically (a temporary file renamed over it).</summary>
    /// <exception cref="CheckpointWriteException">The file system refused the write.</exception>
    public void Write(string path) =>
        AtomicFile.Write(path, stream => stream.Write(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(this, s_json))));

    /// <summary>
    /// Why an index saved with this watermark cannot be followed on from in the catalog at <paramref name="location"/>
    /// whose latest change is <paramref name="latest"/>, or null when it can.
    /// </summary>
    public string? Problem(string location, long latest) =>
        Location != location ? $"it was built from another catalog ({Location})"
        : Sequence > latest ? $"it holds changes up to {Sequence} but the catalog's last one is {latest} (the catalog was recreated)"
        : null;
}
