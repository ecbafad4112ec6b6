using System.Text.Json;
using System.Text.Json.Serialization;
using FFMpegCore;
using VideoSearch.Core.Media;

namespace VideoSearch.Core.Tests.Media;

public class PacketScanReaderTests
{
    [Fact]
    public void Read_RecordedWebmScan_CountsPacketsAndFindsEnd()
    {
        var (packets, end) = PacketScanReader.Read(Packets(GoldenFiles.Read("no_duration_vp8.packets.json")), 1.0 / 1000);

        Assert.Equal(60, packets);
        Assert.Equal(3.94 + 0.066, end!.Value, 9); // last packet pts + its duration, in the stream's 1/1000 s time base
    }

    [Fact]
    public void Read_NoPackets_GivesNoEnd() => Assert.Equal((0L, (double?)null), PacketScanReader.Read([], 0.001));

    [Fact]
    public void Read_OutOfOrderPackets_TakesTheLatestEnd()
    {
        const string json = """{"packets":[{"pts":0,"duration":10},{"pts":40,"duration":10},{"pts":20,"duration":10},{}]}""";

        var (packets, end) = PacketScanReader.Read(Packets(json), 0.01);

        Assert.Equal(4, packets);
        Assert.Equal(0.5, end!.Value, 9);
    }

    /// <summary>Deserialises a packet list the way FFMpegCore's GetPacketsAsync does.</summary>
    private static IReadOnlyList<FFProbePacket> Packets(string json) =>
        JsonSerializer.Deserialize<FFProbePackets>(json, new JsonSerializerOptions
        {
            PropertyNameCaseInsensitive = true,
            NumberHandling = JsonNumberHandling.AllowReadingFromString | JsonNumberHandling.WriteAsString,
        })!.Packets;
}
