// Hand-written: Microsoft.ML.Tokenizers offers only a plain lowercase normaliser; this adds NFC (through ICU, via
// string.Normalize) and whitespace collapsing in the fast tokenizer's order, and the İ mapping .NET's simple case mapping lacks.
using System.Text;

namespace VideoSearch.Core.Text;

/// <summary>
/// The normaliser of the Hugging Face fast CLIP tokenizer (<c>tokenizer.json</c>):
/// <c>Sequence[NFC, Replace(\s+ → " "), Lowercase]</c>. Unlike the original CLIP code it neither unescapes HTML
/// entities, nor strips the ends, nor lowercases a word-final sigma to ς: the ids XCLIPProcessor gives are the target.
/// </summary>
internal static class ClipTextNormalizer
{
    private const int CapitalIWithDotAbove = 0x0130;
    private const string SmallIWithCombiningDot = "i\u0307";

    /// <summary>Normalises one stretch of text (between special tokens). Lone surrogates become U+FFFD.</summary>
    public static string Normalize(string text)
    {
        // string.Normalize rejects ill-formed UTF-16, so lone surrogates become U+FFFD first (as Rust's strings would).
        string composed = ReplaceLoneSurrogates(text).Normalize(NormalizationForm.FormC);
        var result = new StringBuilder(composed.Length);
        Span<char> buffer = stackalloc char[2];
        bool previousWasSpace = false;
        foreach (Rune rune in composed.EnumerateRunes())
        {
            if (ClipCharacterClass.IsWhiteSpace(rune))
            {
                if (!previousWasSpace) result.Append(' ');
                previousWasSpace = true;
                continue;
            }

            previousWasSpace = false;
            if (rune.Value == CapitalIWithDotAbove)
            {
                // Rust's char::to_lowercase applies the one unconditional multi-character lowercase mapping of
                // SpecialCasing.txt; .NET's simple case mapping leaves İ as it is.
                result.Append(SmallIWithCombiningDot);
                continue;
            }

            int written = Rune.ToLowerInvariant(rune).EncodeToUtf16(buffer);
            result.Append(buffer[..written]);
        }

        return result.ToString();
    }

    private static string ReplaceLoneSurrogates(string text)
    {
        bool wellFormed = true;
        for (int i = 0; i < text.Length && wellFormed; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1])) i++;
            else if (char.IsSurrogate(text[i])) wellFormed = false;
        }
        if (wellFormed) return text;
        var builder = new StringBuilder(text.Length);
        foreach (Rune rune in text.EnumerateRunes()) builder.Append(rune.ToString());
        return builder.ToString();
    }
}
