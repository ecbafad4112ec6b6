namespace VideoSearch.Training.FineTuning;

/// <summary>Linear warm-up to the peak, then cosine decay to zero at the last step: a function of the step alone, so a
/// resumed run continues on the same curve.</summary>
public sealed record LearningRateSchedule(double Peak, int TotalSteps, int WarmupSteps)
{
    /// <summary>The schedule for <paramref name="options"/> over <paramref name="totalSteps"/> steps.</summary>
    public static LearningRateSchedule For(TrainingOptions options, int totalSteps) =>
        new(options.LearningRate, totalSteps, (int)Math.Round(options.WarmupFraction * totalSteps));

    /// <summary>The rate for step <paramref name="step"/> (0-based).</summary>
    public double At(int step)
    {
        if (step < WarmupSteps) return Peak * (step + 1) / WarmupSteps;
        int decaySteps = Math.Max(1, TotalSteps - WarmupSteps);
        double progress = Math.Clamp((double)(step - WarmupSteps) / decaySteps, 0, 1);
        return Peak * 0.5 * (1 + Math.Cos(Math.PI * progress));
    }
}
