using System.Text;
using VideoSearch.Core.Media;

namespace VideoSearch.Core.Tests.Media;

public class ProbeFailureClassifierTests
{
    [Fact]
    public void Classify_Mp4WithoutMoov_IsCorruptContainer()
    {
        byte[] header = File.ReadAllBytes(MediaManifest.PathOf("bad_moov_missing.mp4"))[..ProbeFailureClassifier.HeaderLength];

        Assert.Equal(MediaErrorKind.CorruptContainer, ProbeFailureClassifier.Classify(header));
    }

    [Fact]
    public void Classify_TextFile_IsNotAMediaFile()
    {
        byte[] header = File.ReadAllBytes(MediaManifest.PathOf("bad_text_renamed.mp4"))[..ProbeFailureClassifier.HeaderLength];

        Assert.Equal(MediaErrorKind.NotAMediaFile, ProbeFailureClassifier.Classify(header));
    }

    [Theory]
    [InlineData(new byte[] { 0x1A, 0x45, 0xDF, 0xA3, 0x01 })]
    [InlineData(new byte[] { (byte)'R', (byte)'I', (byte)'F', (byte)'F', 0, 0, 0, 0 })]
    public void Classify_KnownSignature_IsCorruptContainer(byte[] header) =>
        Assert.Equal(MediaErrorKind.CorruptContainer, ProbeFailureClassifier.Classify(header));

    [Fact]
    public void Classify_TextStartingWithTransportStreamSyncLetter_IsNotAMediaFile() =>
        Assert.Equal(MediaErrorKind.NotAMediaFile, ProbeFailureClassifier.Classify(Encoding.ASCII.GetBytes(new string('G', 100))));
}
