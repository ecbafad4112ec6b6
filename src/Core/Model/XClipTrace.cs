using static TorchSharp.torch;

namespace VideoSearch.Core.Model;

/// <summary>Diagnostic collector for intermediate tensors (names as in the reference kits). Passed only by parity tests;
/// the normal path passes null and records nothing.</summary>
internal sealed class XClipTrace : IDisposable
{
    private readonly Dictionary<string, Tensor> tensors = new(StringComparer.Ordinal);

    public IReadOnlyDictionary<string, Tensor> Tensors => tensors;

    /// <summary>Keeps a copy of <paramref name="value"/> that no dispose scope owns; the trace disposes it.</summary>
    public void Record(string name, Tensor value)
    {
        var copy = value.detach().clone().DetachFromDisposeScope();
        if (tensors.Remove(name, out var old)) old.Dispose();
        tensors[name] = copy;
    }

    public void Dispose()
    {
        foreach (var t in tensors.Values) t.Dispose();
        tensors.Clear();
    }
}
