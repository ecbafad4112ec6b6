namespace VideoSearch.Search.Labels;

/// <summary>One label's zero-shot result for a clip or video.</summary>
/// <param name="Label">The label as given.</param>
/// <param name="Logit">X-CLIP's <c>logits_per_video</c> for (label, clip), averaged over the clips of a video.</param>
/// <param name="Probability">Softmax of the logits over all labels given; the probabilities sum to 1.</param>
public sealed record LabelScore(string Label, float Logit, double Probability);
