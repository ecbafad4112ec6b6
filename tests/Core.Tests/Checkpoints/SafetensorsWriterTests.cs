using System.Buffers.Binary;
using System.Text;
using TorchSharp;
using VideoSearch.Core.Checkpoints;
using VideoSearch.TestSupport;
using static TorchSharp.torch;

namespace VideoSearch.Core.Tests.Checkpoints;

public sealed class SafetensorsWriterTests : IDisposable
{
    private readonly string dir = Directory.CreateTempSubdirectory("safetensors-writer-tests-").FullName;

    public void Dispose() => Directory.Delete(dir, recursive: true);

    [Theory]
    [InlineData("xclip-tiny")]
    [InlineData("xclip-tiny-clipvocab")]
    public void Write_KitModelTensors_UpstreamBytesOfTheKitFile(string kit)
    {
        string original = Path.Combine(Fixtures.Reference(kit), "model.safetensors");
        var tensors = KitCheckpoint.ReadAll(original);
        string written = Path.Combine(dir, "model.safetensors");

        SafetensorsWriter.Write(written, tensors, new Dictionary<string, string> { ["format"] = "pt" });
        KitCheckpoint.DisposeAll(tensors);

        byte[] expected = KitCheckpoint.UpstreamBytes(original), actual = File.ReadAllBytes(written);
        Assert.True(expected.AsSpan().SequenceEqual(actual), KitCheckpoint.FirstDifference(expected, actual));
        // The data region (everything after the header) is the kit's own bytes.
        byte[] kitBytes = File.ReadAllBytes(original);
        int dataStart = 8 + (int)BinaryPrimitives.ReadUInt64LittleEndian(kitBytes);
        Assert.True(kitBytes.AsSpan(dataStart).SequenceEqual(actual.AsSpan(dataStart)));
    }

    [Fact]
    public void Write_KitExpectedWithInt64AndFloat32_PacksInt64FirstThenByName()
    {
        string original = Path.Combine(Fixtures.Reference("xclip-tiny"), "expected.safetensors");
        var tensors = KitCheckpoint.ReadAll(original);
        string written = Path.Combine(dir, "expected.safetensors");

        SafetensorsWriter.Write(written, tensors);
        KitCheckpoint.DisposeAll(tensors);

        using var source = SafetensorsFile.Open(original);
        using var copy = SafetensorsFile.Open(written);
        var order = copy.Tensors.Values.OrderBy(t => t.Begin).ToList();
        var upstreamOrder = source.Tensors.Values
            .OrderBy(t => t.DType == SafetensorsDType.I64 ? 0 : 1).ThenBy(t => t.Name, StringComparer.Ordinal).Select(t => t.Name);
        Assert.Equal(upstreamOrder, order.Select(t => t.Name));
        Assert.Contains(order, t => t.DType == SafetensorsDType.I64);
        Assert.Equal(0, order[0].Begin);
        Assert.All(order.Zip(order.Skip(1)), p => Assert.Equal(p.First.End, p.Second.Begin));
        Assert.Empty(copy.Metadata);
        foreach (var (name, info) in source.Tensors)
        {
            Assert.Equal(info.DType, copy.Tensors[name].DType);
            Assert.Equal(info.Shape, copy.Tensors[name].Shape);
            Assert.Equal(source.ReadBytes(name), copy.ReadBytes(name));
        }
    }

    [Fact]
    public void Create_MixedDTypes_HeaderTextAsUpstreamWritesIt()
    {
        var header = SafetensorsHeader.Create(
            [("b", SafetensorsDType.F32, [2]), ("a", SafetensorsDType.F16, [1]), ("c", SafetensorsDType.I64, []),
             ("a2", SafetensorsDType.F32, [1, 0])],
            new Dictionary<string, string> { ["format"] = "pt" });

        const string json = "{\"__metadata__\":{\"format\":\"pt\"}," +
                            "\"c\":{\"dtype\":\"I64\",\"shape\":[],\"data_offsets\":[0,8]}," +
                            "\"a2\":{\"dtype\":\"F32\",\"shape\":[1,0],\"data_offsets\":[8,8]}," +
                            "\"b\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[8,16]}," +
                            "\"a\":{\"dtype\":\"F16\",\"shape\":[1],\"data_offsets\":[16,18]}}";
        int padded = (json.Length + 7) / 8 * 8;
        Assert.Equal((ulong)padded, BinaryPrimitives.ReadUInt64LittleEndian(header.Bytes));
        Assert.Equal(json + new string(' ', padded - json.Length), Encoding.UTF8.GetString(header.Bytes, 8, padded));
        Assert.Equal(18, header.DataLength);
    }

    [Fact]
    public void Create_NamesWithQuotesControlsAndNonAscii_EscapedAsSerdeJson()
    {
        var header = SafetensorsHeader.Create([("q\"\\\n\t\u0001é", SafetensorsDType.U8, [1])]);

        string json = Encoding.UTF8.GetString(header.Bytes, 8, header.Bytes.Length - 8).TrimEnd(' ');
        Assert.Equal("{\"q\\\"\\\\\\n\\t\\u0001é\":{\"dtype\":\"U8\",\"shape\":[1],\"data_offsets\":[0,1]}}", json);
    }

    [Fact]
    public void Write_EveryDType_RoundTripsThroughSafetensorsFile()
    {
        var tensors = new Dictionary<string, Tensor>
        {
            ["f64"] = torch.tensor(new[] { 1.25, -3.5 }),
            ["f32"] = torch.tensor(new[] { 1.5f, -2f, 0.1f }, [3, 1]),
            ["f16"] = torch.tensor(new[] { 1.5f, -2f }).to(ScalarType.Float16),
            ["bf16"] = torch.tensor(new[] { 1.5f, -2f }).to(ScalarType.BFloat16),
            ["i64"] = torch.tensor(new[] { long.MaxValue, -1L }),
            ["i32"] = torch.tensor(new[] { 7, -8 }),
            ["i16"] = torch.tensor(new short[] { 300, -2 }),
            ["i8"] = torch.tensor(new sbyte[] { -5, 6 }),
            ["u8"] = torch.tensor(new byte[] { 250, 1 }),
            ["bool"] = torch.tensor(new[] { true, false, true }),
            ["scalar"] = torch.tensor(2.6592f),
        };
        string path = Path.Combine(dir, "all.safetensors");

        SafetensorsWriter.Write(path, tensors, new Dictionary<string, string> { ["format"] = "pt", ["note"] = "x" });

        using var file = SafetensorsFile.Open(path);
        Assert.Equal(new Dictionary<string, string> { ["format"] = "pt", ["note"] = "x" }, file.Metadata);
        foreach (var (name, tensor) in tensors)
        {
            Assert.Equal(SafetensorsWriter.DTypeOf(tensor.dtype), file.Tensors[name].DType);
            Assert.Equal(tensor.shape, file.Tensors[name].Shape);
            Assert.Equal(tensor.bytes.ToArray(), file.ReadBytes(name));
        }
        using var bf16 = file.ReadTensor("bf16");
        Assert.Equal([1.5f, -2f], bf16.data<float>().ToArray());
        foreach (var t in tensors.Values) t.Dispose();
    }

    [Fact]
    public void Write_TransposedAndOffsetViews_WritesTheirValuesInCOrder()
    {
        using var matrix = torch.arange(6, dtype: ScalarType.Float32).reshape(2, 3);
        using var transposed = matrix.t(); // not contiguous
        using var lastRow = matrix[1]; // contiguous, but starts 3 elements into the storage
        string path = Path.Combine(dir, "views.safetensors");

        SafetensorsWriter.Write(path, [new("t", transposed), new("row", lastRow)]);

        using var file = SafetensorsFile.Open(path);
        Assert.Equal([3L, 2L], file.Tensors["t"].Shape);
        Assert.Equal([0f, 3f, 1f, 4f, 2f, 5f], file.ReadF32("t"));
        Assert.Equal([3f, 4f, 5f], file.ReadF32("row"));
    }

    [Fact]
    public void Write_DuplicateName_ThrowsNamingItAndWritesNothing()
    {
        using var a = torch.zeros(2);
        var e = Assert.Throws<ArgumentException>(() =>
            SafetensorsWriter.Write(Path.Combine(dir, "dup.safetensors"), [new("w", a), new("w", a)]));
        Assert.Contains("'w' appears more than once", e.Message);
        Assert.Empty(Directory.EnumerateFileSystemEntries(dir));
    }

    [Theory]
    [InlineData("")]
    [InlineData("__metadata__")]
    public void Write_EmptyOrReservedName_Throws(string name)
    {
        using var a = torch.zeros(2);
        var e = Assert.Throws<ArgumentException>(() => SafetensorsWriter.Write(Path.Combine(dir, "bad.safetensors"), [new(name, a)]));
        Assert.Contains(name == "" ? "empty" : "reserved", e.Message);
        Assert.Empty(Directory.EnumerateFileSystemEntries(dir));
    }

    [Fact]
    public void Write_ComplexTensor_ThrowsNamingTensorAndDType()
    {
        using var complex = torch.zeros(2, dtype: ScalarType.ComplexFloat32);
        var e = Assert.Throws<ArgumentException>(() =>
            SafetensorsWriter.Write(Path.Combine(dir, "c.safetensors"), [new("z", complex)]));
        Assert.Contains("'z'", e.Message);
        Assert.Contains("ComplexFloat32", e.Message);
        Assert.Empty(Directory.EnumerateFileSystemEntries(dir));
    }

    [Fact]
    public void Write_ParameterRequiringGrad_WritesItsValues()
    {
        using var p = new TorchSharp.Modules.Parameter(torch.tensor(new[] { 1f, 2f }));
        string path = Path.Combine(dir, "p.safetensors");
        SafetensorsWriter.Write(path, [new("p", p)]);
        using var file = SafetensorsFile.Open(path);
        Assert.Equal([1f, 2f], file.ReadF32("p"));
    }
}
