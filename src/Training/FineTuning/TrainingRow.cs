namespace VideoSearch.Training.FineTuning;

/// <summary>One line of a training rows file: the seconds [<paramref name="Start"/>, <paramref name="End"/>) of
/// <paramref name="Video"/> (an absolute path once read) show what <paramref name="Caption"/> says.</summary>
public sealed record TrainingRow(string Video, double Start, double End, string Caption);
