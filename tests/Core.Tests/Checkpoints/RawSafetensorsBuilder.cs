using System.Text;
using System.Text.Json;

namespace VideoSearch.Core.Tests.Checkpoints;

/// <summary>Builds small safetensors files byte by byte, valid or deliberately broken, for the reader and loader tests
/// (the product writer, <see cref="VideoSearch.Core.Checkpoints.SafetensorsWriter"/>, refuses to write broken ones).</summary>
internal sealed class RawSafetensorsBuilder
{
    private readonly List<(string Name, string DType, long[] Shape, byte[] Data)> entries = [];

    public RawSafetensorsBuilder Add(string name, string dtype, long[] shape, byte[] data)
    {
        entries.Add((name, dtype, shape, data));
        return this;
    }

    public RawSafetensorsBuilder AddFloats(string name, long[] shape, float[] values) =>
        Add(name, "F32", shape, values.SelectMany(BitConverter.GetBytes).ToArray());

    /// <summary>Header JSON as a real writer produces it (offsets packed in order).</summary>
    public string HeaderJson()
    {
        var header = new Dictionary<string, object> { ["__metadata__"] = new Dictionary<string, string> { ["format"] = "pt" } };
        long offset = 0;
        foreach (var (name, dtype, shape, data) in entries)
        {
            header[name] = new { dtype, shape, data_offsets = new[] { offset, offset + data.Length } };
            offset += data.Length;
        }
        return JsonSerializer.Serialize(header);
    }

    public byte[] ToBytes(string? headerOverride = null)
    {
        var header = Encoding.UTF8.GetBytes(headerOverride ?? HeaderJson());
        using var stream = new MemoryStream();
        stream.Write(BitConverter.GetBytes((ulong)header.Length));
        stream.Write(header);
        foreach (var e in entries) stream.Write(e.Data);
        return stream.ToArray();
    }

    public string WriteTo(string path, string? headerOverride = null)
    {
        File.WriteAllBytes(path, ToBytes(headerOverride));
        return path;
    }
}
