using VideoSearch.Core.Checkpoints;
using VideoSearch.TestSupport;
using static TorchSharp.torch;

namespace VideoSearch.Core.Tests.Checkpoints;

public sealed class SafetensorsFileTests : IDisposable
{
    private readonly string dir = Directory.CreateTempSubdirectory("safetensors-tests-").FullName;

    public void Dispose() => Directory.Delete(dir, recursive: true);

    [Fact]
    public void Open_TinyKitModel_Reads151Float32TensorsAndMetadata()
    {
        using var file = SafetensorsFile.Open(Path.Combine(Fixtures.Reference("xclip-tiny"), "model.safetensors"));

        Assert.Equal(151, file.Tensors.Count);
        Assert.Equal(179_505, file.Tensors.Values.Sum(t => t.ElementCount));
        Assert.All(file.Tensors.Values, t => Assert.Equal(SafetensorsDType.F32, t.DType));
        Assert.Equal("pt", file.Metadata["format"]);
        using var scale = file.ReadTensor("logit_scale");
        Assert.Empty(scale.shape);
        Assert.Equal(2.6592f, scale.item<float>(), 1e-6f);
    }

    [Fact]
    public void ReadTensor_F16AndBF16_ConvertedToFloat32()
    {
        // 1.5 and -2.0 are exact in both half formats: F16 0x3E00/0xC000, BF16 0x3FC0/0xC000.
        string path = new RawSafetensorsBuilder()
            .Add("h", "F16", [2], [0x00, 0x3E, 0x00, 0xC0])
            .Add("b", "BF16", [2], [0xC0, 0x3F, 0x00, 0xC0])
            .Add("i", "I64", [1], BitConverter.GetBytes(42L))
            .WriteTo(Path.Combine(dir, "halves.safetensors"));

        using var file = SafetensorsFile.Open(path);
        using var h = file.ReadTensor("h");
        using var b = file.ReadTensor("b");
        using var i = file.ReadTensor("i");

        Assert.Equal(ScalarType.Float32, h.dtype);
        Assert.Equal(new[] { 1.5f, -2f }, h.data<float>().ToArray());
        Assert.Equal(new[] { 1.5f, -2f }, b.data<float>().ToArray());
        Assert.Equal(42L, i.item<long>());
    }

    [Fact]
    public void Open_TruncatedFile_ThrowsNamingTheTensor()
    {
        var bytes = new RawSafetensorsBuilder().AddFloats("w", [4], [1, 2, 3, 4]).ToBytes();
        string path = Path.Combine(dir, "truncated.safetensors");
        File.WriteAllBytes(path, bytes[..^4]);

        var e = Assert.Throws<SafetensorsFormatException>(() => SafetensorsFile.Open(path));

        Assert.Contains("'w'", e.Message);
        Assert.Contains("truncated", e.Message);
        Assert.Equal(path, e.FilePath);
    }

    [Theory]
    [InlineData("""{"w": {"dtype": "F32", "shape": [4], "data_offsets": [0, 12]}}""", "needs 16 bytes")]
    [InlineData("""{"w": {"dtype": "Q4", "shape": [4], "data_offsets": [0, 16]}}""", "unsupported dtype 'Q4'")]
    [InlineData("""{"w": {"dtype": "F32", "shape": [-4], "data_offsets": [0, 16]}}""", "invalid shape")]
    [InlineData("""{"w": {"dtype": "F32", "shape": [4], "data_offsets": [16, 0]}}""", "end before they begin")]
    [InlineData("""{"w": {"dtype": "F32", "shape": [4]}}""", "lacks dtype, shape or a two-element data_offsets")]
    [InlineData("""{"w": {"dtype": "F32", "shape": [2], "data_offsets": [0, 8]}, "v": {"dtype": "F32", "shape": [2], "data_offsets": [4, 12]}}""", "overlap")]
    [InlineData("""[1, 2]""", "not a JSON object")]
    [InlineData("""{"w": """, "not valid JSON")]
    public void Open_MalformedHeader_ThrowsFormatException(string header, string expected)
    {
        string path = new RawSafetensorsBuilder().AddFloats("w", [4], [1, 2, 3, 4])
            .WriteTo(Path.Combine(dir, "bad.safetensors"), header);

        var e = Assert.Throws<SafetensorsFormatException>(() => SafetensorsFile.Open(path));

        Assert.Contains(expected, e.Message);
    }

    [Fact]
    public void Open_HeaderLengthBeyondFile_ThrowsFormatException()
    {
        string path = Path.Combine(dir, "huge-header.safetensors");
        File.WriteAllBytes(path, [.. BitConverter.GetBytes(1_000_000UL), .. "{}"u8.ToArray()]);

        var e = Assert.Throws<SafetensorsFormatException>(() => SafetensorsFile.Open(path));

        Assert.Contains("header length 1000000", e.Message);
    }

    [Fact]
    public void Open_TooShortFile_ThrowsFormatException()
    {
        string path = Path.Combine(dir, "short.safetensors");
        File.WriteAllBytes(path, [1, 2, 3]);

        Assert.Throws<SafetensorsFormatException>(() => SafetensorsFile.Open(path));
    }

    [Theory]
    [InlineData(nameof(SafetensorsFile.Open))]
    [InlineData(nameof(SafetensorsFile.ReadRawHeader))]
    public void OpenOrReadRawHeader_ZeroByteFile_ThrowsSayingItIsEmpty(string method)
    {
        string path = Path.Combine(dir, "model.safetensors");
        File.WriteAllBytes(path, []);

        var e = Assert.Throws<SafetensorsFormatException>(() =>
        {
            if (method == nameof(SafetensorsFile.Open)) SafetensorsFile.Open(path).Dispose();
            else SafetensorsFile.ReadRawHeader(path);
        });

        Assert.Contains("empty (0 bytes)", e.Message);
        Assert.Contains(path, e.Message);
        Assert.Equal(path, e.FilePath);
    }

    [Fact]
    public void Open_HeaderLengthCutShort_ThrowsSayingTruncated()
    {
        string path = Path.Combine(dir, "cut.safetensors");
        File.WriteAllBytes(path, new RawSafetensorsBuilder().AddFloats("w", [1], [1]).ToBytes()[..5]);

        var e = Assert.Throws<SafetensorsFormatException>(() => SafetensorsFile.Open(path));

        Assert.Contains("only 5 bytes, fewer than the 8-byte header length (truncated)", e.Message);
    }

    [Fact]
    public void Open_HeaderLongerThanFile_ThrowsSayingTruncated()
    {
        byte[] bytes = new RawSafetensorsBuilder().AddFloats("w", [4], [1, 2, 3, 4]).ToBytes();
        string path = Path.Combine(dir, "cut-header.safetensors");
        File.WriteAllBytes(path, bytes[..20]); // the length says more header bytes than the 12 left

        var e = Assert.Throws<SafetensorsFormatException>(() => SafetensorsFile.Open(path));

        Assert.Contains("longer than the 12 bytes that follow it", e.Message);
        Assert.Contains("truncated", e.Message);
    }

    [Fact]
    public void ReadRawHeader_ValidFile_LengthPrefixAndHeaderAsStored()
    {
        var writer = new RawSafetensorsBuilder().AddFloats("w", [2], [1, 2]);
        byte[] bytes = writer.ToBytes();
        string path = writer.WriteTo(Path.Combine(dir, "raw.safetensors"));

        Assert.Equal(bytes[..^8], SafetensorsFile.ReadRawHeader(path));
    }

    [Fact]
    public void Open_MissingFile_ThrowsFileNotFound()
    {
        Assert.Throws<FileNotFoundException>(() => SafetensorsFile.Open(Path.Combine(dir, "absent.safetensors")));
    }
}
