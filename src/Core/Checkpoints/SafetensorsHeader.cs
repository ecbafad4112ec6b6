using System.Buffers.Binary;
using System.Text;

namespace VideoSearch.Core.Checkpoints;

/// <summary>
/// The header the upstream serializer (huggingface/safetensors, <c>safetensors/src/tensor.rs</c>, <c>prepare</c>) writes
/// for a set of tensors: entries sorted by descending dtype alignment and then by name (byte-wise UTF-8), data packed in
/// that order from offset 0 with no gaps, compact JSON with <c>__metadata__</c> first and then the entries in data order,
/// each as <c>{"dtype","shape","data_offsets"}</c>, padded with spaces to a multiple of 8 bytes. Hand-written because no
/// .NET package serialises safetensors; the JSON is written by hand too, since it must match serde_json byte for byte
/// (its escapes and key order), which System.Text.Json's encoders do not.
/// </summary>
public sealed class SafetensorsHeader
{
    /// <summary>Upstream's <c>MAX_HEADER_SIZE</c>: readers refuse longer headers.</summary>
    public const int MaxHeaderBytes = 100_000_000;

    private SafetensorsHeader(IReadOnlyList<SafetensorsTensorInfo> entries, byte[] bytes)
    {
        Entries = entries;
        Bytes = bytes;
    }

    /// <summary>The entries in the order their data is stored, with their offsets (relative to the end of the header).</summary>
    public IReadOnlyList<SafetensorsTensorInfo> Entries { get; }

    /// <summary>The whole prefix of the file: the 8-byte little-endian length followed by the padded JSON.</summary>
    public byte[] Bytes { get; }

    /// <summary>Bytes of tensor data that follow the header.</summary>
    public long DataLength => Entries.Count == 0 ? 0 : Entries[^1].End;

    /// <summary>
    /// Lays out <paramref name="tensors"/> (name, dtype, shape) as the upstream serializer does. <paramref name="metadata"/>
    /// null writes no <c>__metadata__</c>; its keys are written in byte-wise order (upstream keeps them in a hash map, so
    /// it has no fixed order to match).
    /// </summary>
    /// <exception cref="ArgumentException">A name is empty, repeated or <c>__metadata__</c>, or a dimension is negative.</exception>
    public static SafetensorsHeader Create(IEnumerable<(string Name, SafetensorsDType DType, long[] Shape)> tensors,
        IReadOnlyDictionary<string, string>? metadata = null)
    {
        ArgumentNullException.ThrowIfNull(tensors);
        var list = tensors.ToList();
        CheckNames(list.Select(t => t.Name));
        foreach (var t in list)
            if (t.Shape.Any(d => d < 0))
                throw new ArgumentException($"Tensor '{t.Name}' has a negative dimension in [{string.Join(", ", t.Shape)}].", nameof(tensors));

        var ordered = list
            .OrderByDescending(t => AlignmentRank(t.DType))
            .ThenBy(t => t.Name, Utf8Order.Instance)
            .ToList();
        var entries = new List<SafetensorsTensorInfo>(ordered.Count);
        long offset = 0;
        foreach (var (name, dtype, shape) in ordered)
        {
            long length = checked(shape.Aggregate(1L, (a, b) => checked(a * b)) * SafetensorsTensorInfo.ElementSize(dtype));
            entries.Add(new SafetensorsTensorInfo(name, dtype, (long[])shape.Clone(), offset, offset + length));
            offset += length;
        }
        return new SafetensorsHeader(entries, Serialize(entries, metadata));
    }

    /// <summary>
    /// Upstream's <c>Dtype</c> enum is declared in increasing alignment order and <c>prepare</c> sorts by it, so this is
    /// each type's position in that declaration (only the relative order matters).
    /// </summary>
    public static int AlignmentRank(SafetensorsDType dtype) => dtype switch
    {
        SafetensorsDType.BOOL => 0,
        SafetensorsDType.U8 => 1,
        SafetensorsDType.I8 => 2,
        SafetensorsDType.I16 => 3,
        SafetensorsDType.F16 => 4,
        SafetensorsDType.BF16 => 5,
        SafetensorsDType.I32 => 6,
        SafetensorsDType.F32 => 7,
        SafetensorsDType.F64 => 8,
        SafetensorsDType.I64 => 9,
        _ => throw new ArgumentOutOfRangeException(nameof(dtype), dtype, "not a safetensors dtype"),
    };

    private static void CheckNames(IEnumerable<string> names)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (string name in names)
        {
            if (string.IsNullOrEmpty(name)) throw new ArgumentException("A tensor name is empty.", nameof(names));
            if (name == "__metadata__")
                throw new ArgumentException("'__metadata__' is reserved for the header's metadata and cannot name a tensor.", nameof(names));
            if (!seen.Add(name)) throw new ArgumentException($"Tensor name '{name}' appears more than once.", nameof(names));
        }
    }

    private static byte[] Serialize(IReadOnlyList<SafetensorsTensorInfo> entries, IReadOnlyDictionary<string, string>? metadata)
    {
        var json = new StringBuilder("{");
        bool first = true;
        if (metadata is not null)
        {
            json.Append("\"__metadata__\":{");
            bool firstKey = true;
            foreach (var (key, value) in metadata.OrderBy(m => m.Key, Utf8Order.Instance))
            {
                if (!firstKey) json.Append(',');
                AppendString(json, key).Append(':');
                AppendString(json, value);
                firstKey = false;
            }
            json.Append('}');
            first = false;
        }
        foreach (var e in entries)
        {
            if (!first) json.Append(',');
            AppendString(json, e.Name).Append(":{\"dtype\":\"").Append(e.DType).Append("\",\"shape\":[")
                .AppendJoin(',', e.Shape).Append("],\"data_offsets\":[").Append(e.Begin).Append(',').Append(e.End).Append("]}");
            first = false;
        }
        json.Append('}');

        byte[] text = Encoding.UTF8.GetBytes(json.ToString());
        int padded = (text.Length + 7) / 8 * 8;
        if (padded > MaxHeaderBytes)
            throw new ArgumentException($"The header would be {padded} bytes, above the format's {MaxHeaderBytes}-byte limit.");
        var bytes = new byte[8 + padded];
        BinaryPrimitives.WriteUInt64LittleEndian(bytes, (ulong)padded);
        text.CopyTo(bytes, 8);
        bytes.AsSpan(8 + text.Length).Fill((byte)' ');
        return bytes;
    }

    /// <summary>A JSON string as serde_json writes it: quote and backslash escaped, \b \t \n \f \r in their short form,
    /// other control characters as lowercase <c>\u00xx</c>, everything else (non-ASCII included) as it is.</summary>
    private static StringBuilder AppendString(StringBuilder json, string value)
    {
        json.Append('"');
        foreach (char c in value)
        {
            switch (c)
            {
                case '"': json.Append("\\\""); break;
                case '\\': json.Append("\\\\"); break;
                case '\b': json.Append("\\b"); break;
                case '\t': json.Append("\\t"); break;
                case '\n': json.Append("\\n"); break;
                case '\f': json.Append("\\f"); break;
                case '\r': json.Append("\\r"); break;
                case < ' ': json.Append("\\u00").Append(((int)c).ToString("x2")); break;
                default: json.Append(c); break;
            }
        }
        return json.Append('"');
    }

    /// <summary>Rust's <c>String</c> order: byte-wise over UTF-8, which differs from UTF-16 ordinal order only for
    /// characters above U+FFFF against U+E000..U+FFFF.</summary>
    private sealed class Utf8Order : IComparer<string>
    {
        public static readonly Utf8Order Instance = new();

        public int Compare(string? x, string? y) =>
            Encoding.UTF8.GetBytes(x ?? "").AsSpan().SequenceCompareTo(Encoding.UTF8.GetBytes(y ?? ""));
    }
}
