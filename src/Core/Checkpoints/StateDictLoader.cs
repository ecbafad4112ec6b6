using TorchSharp;
using static TorchSharp.torch;

namespace VideoSearch.Core.Checkpoints;

/// <summary>Strict state-dict loading from safetensors: every key, shape and float dtype must match (Hugging Face's non-persistent
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
        var wrongDType = new List<string>();
        foreach (var (name, tensor) in target)
        {
            if (!source.TryGetValue(name, out var info)) continue;
            if (!info.Shape.SequenceEqual(tensor.shape))
                mismatched.Add($"{name}: checkpoint [{string.Join(", ", info.Shape)}] vs model [{string.Join(", ", tensor.shape)}]");
            // Every parameter of the model is a float; F64 is read too (narrowed to the model's dtype) though the
            // message names only what real checkpoints hold.
            if (info.DType is not (SafetensorsDType.F32 or SafetensorsDType.F16 or SafetensorsDType.BF16 or SafetensorsDType.F64))
                wrongDType.Add($"{name}: dtype {info.DType}, the model needs a float (F32, F16 or BF16)");
        }
        if (missing.Count + unexpected.Count + mismatched.Count + wrongDType.Count > 0)
            throw new CheckpointMismatchException(file.FilePath, missing, unexpected, mismatched, wrongDType);

        using var noGrad = torch.no_grad();
        foreach (var (name, tensor) in target)
        {
            using var value = file.ReadTensor(name);
            tensor.copy_(value.to(tensor.dtype, tensor.device));
        }
    }
}
