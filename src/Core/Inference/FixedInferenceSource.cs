namespace VideoSearch.Core.Inference;

/// <summary>An <see cref="IInferenceSource"/> that always answers one already loaded model.</summary>
/// <param name="inference">The model (not owned).</param>
public sealed class FixedInferenceSource(XClipInference inference) : IInferenceSource
{
    /// <inheritdoc />
    public Task<XClipInference> GetInferenceAsync(CancellationToken cancellationToken) => Task.FromResult(inference);
}
