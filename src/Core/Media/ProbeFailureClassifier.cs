namespace VideoSearch.Core.Media;

/// <summary>
/// Tells a damaged container from a file that is not media at all when ffprobe refuses both with the same words
/// ("moov atom not found; Invalid data found"): it looks for a known container signature in the first bytes.
/// </summary>
internal static class ProbeFailureClassifier
{
    /// <summary>Bytes read from the start of the file; every signature below lies within them.</summary>
    public const int HeaderLength = 189;

    /// <summary>The error kind for a file ffprobe could not open, given the file's first bytes.</summary>
    public static MediaErrorKind Classify(ReadOnlySpan<byte> header) =>
        LooksLikeContainer(header) ? MediaErrorKind.CorruptContainer : MediaErrorKind.NotAMediaFile;

    private static bool LooksLikeContainer(ReadOnlySpan<byte> h)
    {
        if (h.Length >= 8 && IsIsoBoxType(h.Slice(4, 4))) return true;           // MP4 / MOV / 3GP
        if (StartsWith(h, [0x1A, 0x45, 0xDF, 0xA3])) return true;                // EBML: Matroska / WebM
        if (StartsWith(h, "RIFF"u8)) return true;                                // AVI
        if (StartsWith(h, "OggS"u8) || StartsWith(h, "FLV"u8)) return true;
        if (StartsWith(h, [0x00, 0x00, 0x01, 0xBA])) return true;                // MPEG program stream
        if (StartsWith(h, [0x30, 0x26, 0xB2, 0x75])) return true;                // ASF / WMV
        return h.Length > 188 && h[0] == 0x47 && h[188] == 0x47;                 // MPEG-TS: sync bytes 188 apart
    }

    private static bool IsIsoBoxType(ReadOnlySpan<byte> type) =>
        type.SequenceEqual("ftyp"u8) || type.SequenceEqual("moov"u8) || type.SequenceEqual("mdat"u8)
        || type.SequenceEqual("free"u8) || type.SequenceEqual("wide"u8) || type.SequenceEqual("skip"u8);

    private static bool StartsWith(ReadOnlySpan<byte> h, ReadOnlySpan<byte> prefix) => h.Length >= prefix.Length && h.StartsWith(prefix);
}
