using VideoSearch.Core.Media;

namespace VideoSearch.Core.Tests.Media;

public class PacketScanParserTests
{
    [Fact]
    public void Parse_RecordedWebmScan_CountsPacketsAndFindsEnd()
    {
        var (packets, end) = PacketScanParser.Parse(GoldenFiles.Read("no_duration_vp8.packets.csv"));

        Assert.Equal(60, packets);
        Assert.Equal(3.94 + 0.066, end!.Value, 9); // last packet pts + its duration, as printed
    }

    [Fact]
    public void Parse_EmptyOutput_GivesNoEnd() => Assert.Equal((0L, (double?)null), PacketScanParser.Parse("\n"));

    [Fact]
    public void Parse_OutOfOrderPackets_TakesTheLatestEnd() =>
        Assert.Equal(0.5, PacketScanParser.Parse("0.0,0.1\n0.4,0.1\n0.2,0.1\nN/A,N/A\n").EndSeconds!.Value, 9);
}
