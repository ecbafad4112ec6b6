using VideoSearch.Training.Rows;

namespace VideoSearch.Training.FineTuning;

/// <summary>One <c>videosearch train</c> run.</summary>
/// <param name="ModelFolder">The starting model folder (config, tokenizer and preprocessor files; weights unless
/// <paramref name="FromScratch"/>).</param>
/// <param name="FromScratch">Start from seeded random weights of the folder's config instead of its weights.</param>
/// <param name="Train">Training rows.</param>
/// <param name="Validation">Validation rows, or empty for none.</param>
/// <param name="OutputFolder">Where the trained model folder is written after every epoch.</param>
/// <param name="Options">The recipe.</param>
/// <param name="Resume">Continue the run saved in <paramref name="OutputFolder"/>.</param>
/// <param name="Augmentations">Backwards and mirrored copies of the training clips to add, or null for none.</param>
public sealed record FineTuningRequest(
    string ModelFolder, bool FromScratch, IReadOnlyList<TrainingRow> Train, IReadOnlyList<TrainingRow> Validation,
    string OutputFolder, TrainingOptions Options, bool Resume, CaptionAugmentations? Augmentations = null);
