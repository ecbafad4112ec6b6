using FFMpegCore;

namespace VideoSearch.Core.Media;

/// <summary>
/// Reads the packet list of one video stream that FFMpegCore's <see cref="FFProbe.GetPacketsAsync(string, FFOptions?, string?, CancellationToken)"/>
/// returns (asked for with <c>-show_entries packet=pts,duration</c>). Used only for files whose header states no
/// duration. Times are the integer stream timestamps times the stream's time base, so no rounding creeps in.
/// </summary>
internal static class PacketScanReader
{
    /// <summary>
    /// The number of packets and the end of the last one (largest pts + its duration), in seconds of stream time.
    /// ffprobe leaves out a pts it does not know, which FFMpegCore reads as 0; such a packet cannot move the end.
    /// </summary>
    public static (long Packets, double? EndSeconds) Read(IReadOnlyList<FFProbePacket> packets, double timeBase)
    {
        ArgumentNullException.ThrowIfNull(packets);
        if (packets.Count == 0) return (0, null);
        long end = packets.Max(p => p.Pts + Math.Max(p.Duration, 0));
        return (packets.Count, end * timeBase);
    }
}
