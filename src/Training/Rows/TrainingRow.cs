namespace VideoSearch.Training.Rows;

/// <summary>One line of a rows file: a stretch of a video and the caption that describes it.</summary>
/// <param name="Video">The video's full path once read (the file's relative path resolved against its folder); as written, the path relative to the file.</param>
/// <param name="Start">Where the scene starts, in seconds.</param>
/// <param name="End">Where it ends, in seconds (after <paramref name="Start"/>).</param>
/// <param name="Caption">What the scene shows, in words: the query that should find it.</param>
public sealed record TrainingRow(string Video, double Start, double End, string Caption)
{
    /// <summary>True when <paramref name="seconds"/> lies in the closed interval <c>[Start, End]</c>.</summary>
    public bool Contains(double seconds) => seconds >= Start && seconds <= End;
}
