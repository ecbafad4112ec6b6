using System.Globalization;

namespace VideoSearch.Core.Media;

/// <summary>
/// Reads <c>ffprobe -select_streams v:0 -show_entries packet=pts_time,duration_time -of csv=p=0</c> output: one
/// "pts,duration" line per video packet. Used only for files whose header states no duration.
/// </summary>
internal static class PacketScanParser
{
    /// <summary>The number of packets and the end of the last one (largest pts + its duration), in stream time.</summary>
    public static (long Packets, double? EndSeconds) Parse(string csv)
    {
        long packets = 0;
        double? end = null;
        foreach (string raw in csv.Split('\n'))
        {
            string line = raw.Trim();
            if (line.Length == 0) continue;
            packets++;
            string[] parts = line.Split(',');
            if (!TryNumber(parts[0], out double pts)) continue;
            double duration = parts.Length > 1 && TryNumber(parts[1], out double d) ? d : 0;
            double packetEnd = pts + duration;
            if (end is null || packetEnd > end) end = packetEnd;
        }
        return (packets, end);
    }

    private static bool TryNumber(string text, out double value) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value) && double.IsFinite(value);
}
