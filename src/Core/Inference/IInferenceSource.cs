namespace VideoSearch.Core.Inference;

/// <summary>
/// Where a service gets the model it runs: the host's <see cref="ModelHandle"/> (chosen and loaded on first use), or
/// an already loaded model (<see cref="FixedInferenceSource"/>, for benchmarks and tests that hold one).
/// </summary>
public interface IInferenceSource
{
    /// <summary>The loaded model.</summary>
    /// <exception cref="Library.LibraryNotFoundException">The library has no model yet (nothing indexed).</exception>
    Task<XClipInference> GetInferenceAsync(CancellationToken cancellationToken);
}
