// Hand-written instead of Microsoft.ML.Tokenizers' RegexPreTokenizer: .NET Regex classifies UTF-16 code units,
// so letters and digits outside the Basic Multilingual Plane (𝟏, 𠮷) would fall into the punctuation class.
using System.Text;
using Microsoft.ML.Tokenizers;

namespace VideoSearch.Core.Text;

/// <summary>
/// Splits normalised text into the words CLIP's BPE sees, as the Hugging Face fast tokenizer's pre-tokenizer does:
/// first <c>Split</c> with the pattern
/// <c>&lt;\|startoftext\|&gt;|&lt;\|endoftext\|&gt;|'s|'t|'re|'ve|'m|'ll|'d|[\p{L}]+|[\p{N}]|[^\s\p{L}\p{N}]+</c>
/// (whitespace dropped), then <c>ByteLevel</c>'s GPT-2 pattern on each piece, which only changes the two
/// special-token pieces: they split into <c>&lt;|</c>, the letters, <c>|&gt;</c>.
/// </summary>
internal sealed class ClipPreTokenizer : PreTokenizer
{
    private static readonly string[] s_specialPieces = ["<|startoftext|>", "<|endoftext|>"];
    private static readonly string[] s_contractions = ["'s", "'t", "'re", "'ve", "'m", "'ll", "'d"];
    private const int SpecialMarkerLength = 2; // "<|" and "|>"

    public static ClipPreTokenizer Instance { get; } = new();

    private ClipPreTokenizer()
    {
    }

    public override IEnumerable<(int Offset, int Length)> PreTokenize(string text) => Split(text.AsSpan());

    public override IEnumerable<(int Offset, int Length)> PreTokenize(ReadOnlySpan<char> text) => Split(text);

    /// <summary>The (offset, length) in UTF-16 code units of every word, in order.</summary>
    public static List<(int Offset, int Length)> Split(ReadOnlySpan<char> text)
    {
        var pieces = new List<(int Offset, int Length)>();
        int i = 0;
        while (i < text.Length)
        {
            ReadOnlySpan<char> rest = text[i..];
            if (StartsWithAny(rest, s_specialPieces) is { } special)
            {
                pieces.Add((i, SpecialMarkerLength));
                pieces.Add((i + SpecialMarkerLength, special.Length - 2 * SpecialMarkerLength));
                pieces.Add((i + special.Length - SpecialMarkerLength, SpecialMarkerLength));
                i += special.Length;
                continue;
            }

            if (StartsWithAny(rest, s_contractions) is { } contraction)
            {
                pieces.Add((i, contraction.Length));
                i += contraction.Length;
                continue;
            }

            Rune.DecodeFromUtf16(rest, out Rune rune, out int width);
            if (ClipCharacterClass.IsWhiteSpace(rune))
            {
                i += width;
            }
            else if (ClipCharacterClass.IsLetter(rune))
            {
                int end = Scan(text, i, ClipCharacterClass.IsLetter);
                pieces.Add((i, end - i));
                i = end;
            }
            else if (ClipCharacterClass.IsNumber(rune))
            {
                pieces.Add((i, width));
                i += width;
            }
            else
            {
                int end = Scan(text, i, static r => !ClipCharacterClass.IsWhiteSpace(r) && !ClipCharacterClass.IsLetter(r) && !ClipCharacterClass.IsNumber(r));
                pieces.Add((i, end - i));
                i = end;
            }
        }

        return pieces;
    }

    private static string? StartsWithAny(ReadOnlySpan<char> text, string[] candidates)
    {
        foreach (string candidate in candidates)
        {
            if (text.StartsWith(candidate, StringComparison.Ordinal)) return candidate;
        }
        return null;
    }

    // Index just past the run of code points, starting at `start`, that satisfy `belongs`.
    private static int Scan(ReadOnlySpan<char> text, int start, Func<Rune, bool> belongs)
    {
        int i = start;
        while (i < text.Length)
        {
            Rune.DecodeFromUtf16(text[i..], out Rune rune, out int width);
            if (!belongs(rune)) break;
            i += width;
        }
        return i;
    }
}
