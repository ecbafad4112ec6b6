using TorchSharp;
using static TorchSharp.torch;

namespace VideoSearch.Core.Checkpoints;

/// <summary>
/// Writes named tensors in the safetensors format with exactly the layout of the upstream serializer (see
/// <see cref="SafetensorsHeader"/>): a file written here and one written by <c>safetensors.torch.save_file</c> from the
/// same tensors and metadata are the same bytes. Each tensor keeps its dtype and is copied to the CPU and made
/// contiguous one at a time, so memory never holds more than one extra copy.
/// </summary>
public static class SafetensorsWriter
{
    /// <summary>Writes <paramref name="tensors"/> to <paramref name="path"/> atomically (see <see cref="AtomicFile"/>).</summary>
    /// <exception cref="ArgumentException">A name is empty, repeated or reserved, or a tensor's dtype has no safetensors type.</exception>
    /// <exception cref="CheckpointWriteException">The file system refused the write; nothing is left under <paramref name="path"/>
    /// but what was there before.</exception>
    public static void Write(string path, IEnumerable<KeyValuePair<string, Tensor>> tensors,
        IReadOnlyDictionary<string, string>? metadata = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        // Checked before the temporary file exists, so bad input never touches the disk.
        var (header, byName) = Prepare(tensors, metadata);
        AtomicFile.Write(path, stream => WriteTo(stream, header, byName));
    }

    /// <summary>Writes <paramref name="tensors"/> to <paramref name="destination"/> (left open).</summary>
    /// <exception cref="ArgumentException">As <see cref="Write(string, IEnumerable{KeyValuePair{string, Tensor}}, IReadOnlyDictionary{string, string}?)"/>.</exception>
    public static void Write(Stream destination, IEnumerable<KeyValuePair<string, Tensor>> tensors,
        IReadOnlyDictionary<string, string>? metadata = null)
    {
        ArgumentNullException.ThrowIfNull(destination);
        var (header, byName) = Prepare(tensors, metadata);
        WriteTo(destination, header, byName);
    }

    /// <summary>The safetensors type of <paramref name="type"/>.</summary>
    /// <exception cref="ArgumentException"><paramref name="type"/> has none (complex types, quantised types).</exception>
    public static SafetensorsDType DTypeOf(ScalarType type) => type switch
    {
        ScalarType.Float64 => SafetensorsDType.F64,
        ScalarType.Float32 => SafetensorsDType.F32,
        ScalarType.Float16 => SafetensorsDType.F16,
        ScalarType.BFloat16 => SafetensorsDType.BF16,
        ScalarType.Int64 => SafetensorsDType.I64,
        ScalarType.Int32 => SafetensorsDType.I32,
        ScalarType.Int16 => SafetensorsDType.I16,
        ScalarType.Int8 => SafetensorsDType.I8,
        ScalarType.Byte => SafetensorsDType.U8,
        ScalarType.Bool => SafetensorsDType.BOOL,
        _ => throw new ArgumentException($"Tensors of dtype {type} cannot be stored in safetensors by this writer " +
                                         "(supported: float64/32/16, bfloat16, int64/32/16/8, uint8, bool).", nameof(type)),
    };

    private static (SafetensorsHeader, Dictionary<string, Tensor>) Prepare(IEnumerable<KeyValuePair<string, Tensor>> tensors,
        IReadOnlyDictionary<string, string>? metadata)
    {
        ArgumentNullException.ThrowIfNull(tensors);
        var list = tensors.ToList();
        var layout = list.Select(t =>
        {
            if (t.Value is null) throw new ArgumentException($"Tensor '{t.Key}' is null.", nameof(tensors));
            SafetensorsDType dtype;
            try { dtype = DTypeOf(t.Value.dtype); }
            catch (ArgumentException e) { throw new ArgumentException($"Tensor '{t.Key}': {e.Message}", nameof(tensors), e); }
            return (t.Key, dtype, t.Value.shape);
        }).ToList();
        // Names are checked (empty, repeated, reserved) here, before the dictionary below could reject a repeat less clearly.
        var header = SafetensorsHeader.Create(layout, metadata);
        return (header, list.ToDictionary(t => t.Key, t => t.Value, StringComparer.Ordinal));
    }

    private static void WriteTo(Stream stream, SafetensorsHeader header, Dictionary<string, Tensor> tensors)
    {
        stream.Write(header.Bytes);
        using var noGrad = torch.no_grad();
        foreach (var entry in header.Entries)
        {
            using var scope = NewDisposeScope();
            // Contiguous C-order bytes on the CPU; detach so a parameter's autograd state is not touched.
            var data = tensors[entry.Name].detach().cpu().contiguous();
            if (entry.End > entry.Begin) stream.Write(data.bytes);
        }
    }
}
