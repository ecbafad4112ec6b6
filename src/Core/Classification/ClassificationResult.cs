namespace VideoSearch.Core.Classification;

/// <summary>Zero-shot classification of one video window against a set of labels.</summary>
/// <param name="Labels">The labels, in the order given.</param>
/// <param name="Probabilities">Softmax over <see cref="Logits"/>, per label.</param>
/// <param name="Logits">X-CLIP's <c>logits_per_video</c> for the window, per label.</param>
/// <param name="FrameTimestamps">Where in the video the frames were taken, in seconds.</param>
public sealed record ClassificationResult(
    IReadOnlyList<string> Labels,
    IReadOnlyList<float> Probabilities,
    IReadOnlyList<float> Logits,
    IReadOnlyList<double> FrameTimestamps);
