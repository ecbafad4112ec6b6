using System.Globalization;
using System.Text;

namespace VideoSearch.Core.Text;

/// <summary>
/// The character classes of CLIP's splitting pattern, per code point (so letters and digits outside the Basic
/// Multilingual Plane count as letters and digits, as they do in the Oniguruma and Python regex engines).
/// </summary>
internal static class ClipCharacterClass
{
    /// <summary>Regex <c>\s</c> of the Hugging Face tokenizer (Oniguruma, Unicode): U+0009–U+000D, U+0085 and the
    /// Zs/Zl/Zp categories. U+001C–U+001F are not whitespace here, unlike Python's <c>str.isspace</c>.</summary>
    public static bool IsWhiteSpace(Rune rune)
    {
        int value = rune.Value;
        if (value is >= 0x09 and <= 0x0D or 0x85) return true;
        return Rune.GetUnicodeCategory(rune) is UnicodeCategory.SpaceSeparator
            or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator;
    }

    /// <summary><c>\p{L}</c>.</summary>
    public static bool IsLetter(Rune rune) => Rune.GetUnicodeCategory(rune) is UnicodeCategory.UppercaseLetter
        or UnicodeCategory.LowercaseLetter or UnicodeCategory.TitlecaseLetter
        or UnicodeCategory.ModifierLetter or UnicodeCategory.OtherLetter;

    /// <summary><c>\p{N}</c>.</summary>
    public static bool IsNumber(Rune rune) => Rune.GetUnicodeCategory(rune) is UnicodeCategory.DecimalDigitNumber
        or UnicodeCategory.LetterNumber or UnicodeCategory.OtherNumber;
}
