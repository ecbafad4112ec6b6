using TorchSharp;
using static TorchSharp.torch;

namespace VideoSearch.Core.Checkpoints;

/// <summary>Strict state-dict loading from safetensors: every key and shape must match (Hugging Face's non-persistent
/// <c>*.position_ids</c> buffers, saved by older Transformers versions, are ignored); values are converted to the model's dtype.</summary>
public static class StateDictLoader
{
    /// <summary>Copies every tensor of <paramref name="file"/> into <paramref name="model"/>'s state dict, or throws
    /// <see cref="CheckpointMismatchException"/> listing all differences before anything is copied.</summary>
    public static void Load(nn.Module model, SafetensorsFile file)
    {
        var target = model.state_dict();
        var source = file.Tensors.Values.Where(t => !t.Name.EndsWith(".position_ids", StringComparison.Ordinal))
            .ToDictionary(t => t.Name, StringComparer.Ordinal);
        var missing = target.Keys.Where(k => !source.ContainsKey(k)).ToList();
        var unexpected = source.Keys.Where(k => !target.ContainsKey(k)).ToList();
        var mismatched = new List<string>();
        foreach (var (name, tensor) in target)
        {
            if (!source.TryGetValue(name, out var info)) continue;
            bool isFloat = info.DType is SafetensorsDType.F32 or SafetensorsDType.F16 or SafetensorsDType.BF16 or SafetensorsDType.F64;
            if (!info.Shape.SequenceEqual(tensor.shape) || !isFloat)
                mismatched.Add($"{name}: checkpoint {info.DType} [{string.Join(", ", info.Shape)}] vs model [{string.Join(", ", tensor.shape)}]");
        }
        if (missing.Count + unexpected.Count + mismatched.Count > 0)
            throw new CheckpointMismatchException(file.FilePath, missing, unexpected, mismatched);

        using var noGrad = torch.no_grad();
        foreach (var (name, tensor) in target)
        {
            using var value = file.ReadTensor(name);
            tensor.copy_(value.to(tensor.dtype, tensor.device));
        }
    }
}
