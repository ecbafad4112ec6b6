using System.Globalization;
using System.Security.Cryptography;
using System.Text;

using VideoSearch.Training.Rows;

namespace VideoSearch.Training.FineTuning;

/// <summary>A digest of the rows a run trains and validates on: file names (not folders, so a data set may move),
/// spans and captions, in order, and the augmentations asked for.</summary>
public static class DataFingerprint
{
    /// <summary>Hex SHA-256 of the rows.</summary>
    public static string Of(IReadOnlyList<TrainingRow> train, IReadOnlyList<TrainingRow> validation, CaptionAugmentations? augmentations = null)
    {
        var text = new StringBuilder(augmentations?.ToJson() ?? "");
        foreach (var (split, rows) in new[] { ("train", train), ("validation", validation) })
            foreach (TrainingRow row in rows)
                text.Append(CultureInfo.InvariantCulture, $"{split}\t{Path.GetFileName(row.Video)}\t{row.Start:R}\t{row.End:R}\t{row.Caption}\n");
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }
}
