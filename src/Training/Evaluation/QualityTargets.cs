namespace VideoSearch.Training.Evaluation;

/// <summary>The figures a trained model has to reach on its test split.</summary>
/// <param name="RecallAt1">The least text-to-moment R@1.</param>
/// <param name="Localisation">The least localisation.</param>
public sealed record QualityTargets(double RecallAt1, double Localisation)
{
    /// <summary>The synthetic scene model's targets: R@1 and localisation at least 0.8 each.</summary>
    public static QualityTargets SyntheticScenes { get; } = new(0.8, 0.8);

    /// <summary>True when <paramref name="figures"/> reach both targets.</summary>
    public bool IsMetBy(RetrievalFigures figures)
    {
        ArgumentNullException.ThrowIfNull(figures);
        return figures.RecallAt1 >= RecallAt1 && figures.Localisation >= Localisation;
    }
}
