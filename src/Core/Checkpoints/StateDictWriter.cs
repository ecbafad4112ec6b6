using TorchSharp;
using static TorchSharp.torch;

namespace VideoSearch.Core.Checkpoints;

/// <summary>
/// Writes a model's state dict as Hugging Face <c>save_pretrained</c> does: <c>model.safetensors</c> with the state-dict
/// keys (the non-persistent <c>*.position_ids</c> buffers omitted, as <see cref="StateDictLoader"/> ignores them),
/// float32 values and metadata <c>{"format": "pt"}</c>, which transformers' loader checks for. The inverse of
/// <see cref="StateDictLoader.Load"/>.
/// </summary>
public static class StateDictWriter
{
    /// <summary>The header metadata of every checkpoint written here (transformers refuses other <c>format</c> values).</summary>
    public static IReadOnlyDictionary<string, string> Metadata { get; } = new Dictionary<string, string> { ["format"] = "pt" };

    /// <summary>The state-dict entries a checkpoint of <paramref name="model"/> holds, in state-dict order.</summary>
    public static IEnumerable<KeyValuePair<string, Tensor>> PersistentEntries(nn.Module model)
    {
        ArgumentNullException.ThrowIfNull(model);
        return model.state_dict().Where(p => !p.Key.EndsWith(".position_ids", StringComparison.Ordinal));
    }

    /// <summary>
    /// Writes <paramref name="model"/>'s state dict to <paramref name="path"/> atomically. Every tensor must be float32:
    /// a model whose weights were converted to bfloat16 or float16 (<c>UsePrecision</c>, or loaded in that dtype) has
    /// lost the low bits, so saving it would pass rounded weights off as the trained ones; save before converting.
    /// </summary>
    /// <exception cref="InvalidOperationException">A tensor is not float32 (the message lists them).</exception>
    /// <exception cref="CheckpointWriteException">The file system refused the write.</exception>
    public static void Write(nn.Module model, string path)
    {
        var entries = PersistentEntries(model).ToList();
        var notFloat32 = entries.Where(e => e.Value.dtype != ScalarType.Float32).Select(e => $"{e.Key} ({e.Value.dtype})").ToList();
        if (notFloat32.Count > 0)
            throw new InvalidOperationException(
                $"Only float32 weights are saved, but {notFloat32.Count} tensors are not: {string.Join(", ", notFloat32.Take(5))}" +
                (notFloat32.Count > 5 ? ", ..." : "") + ". Save the model before converting it to a lower precision.");
        SafetensorsWriter.Write(path, entries, Metadata);
    }
}
