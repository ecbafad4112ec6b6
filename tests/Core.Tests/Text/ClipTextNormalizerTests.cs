using VideoSearch.Core.Text;

namespace VideoSearch.Core.Tests.Text;

public class ClipTextNormalizerTests
{
    [Theory]
    [InlineData("Hello World", "hello world")]
    [InlineData("  two \t\n spaces  ", " two spaces ")]
    [InlineData("a\u00A0b\u3000c\u2028d\u0085e", "a b c d e")]
    [InlineData("\u001Cunit\u001F", "\u001Cunit\u001F")]
    [InlineData("cafe\u0301", "caf\u00E9")]
    [InlineData("\u0130stanbul", "i\u0307stanbul")]
    [InlineData("\u039F\u0394\u039F\u03A3", "\u03BF\u03B4\u03BF\u03C3")]
    [InlineData("\U00010400", "\U00010428")]
    [InlineData("&amp; &lt;", "&amp; &lt;")]
    public void Normalize_Text_MatchesFastTokenizerNormaliser(string text, string expected)
    {
        Assert.Equal(expected, ClipTextNormalizer.Normalize(text));
    }
}
