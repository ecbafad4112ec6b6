namespace VideoSearch.Core.Classification;

/// <summary>The softmax every zero-shot answer uses (the CLI's <c>classify</c> and search's labels).</summary>
public static class Softmax
{
    /// <summary>Probabilities of <paramref name="logits"/>, computed in double and shifted by the maximum so no exp overflows.</summary>
    public static double[] Of(IReadOnlyList<double> logits)
    {
        ArgumentNullException.ThrowIfNull(logits);
        if (logits.Count == 0) return [];
        double max = logits.Max();
        double[] exp = logits.Select(l => Math.Exp(l - max)).ToArray();
        double sum = exp.Sum();
        return exp.Select(e => e / sum).ToArray();
    }
}
