using VideoSearch.Core.Text;

namespace VideoSearch.Core.Tests.Text;

public class CanonicalCompositionTests
{
    private static readonly CanonicalComposition s_nfc = CanonicalComposition.Instance;

    [Theory]
    [InlineData("e\u0301", "\u00E9")]                       // primary composite
    [InlineData("e\u0302\u0323", "\u1EC7")]                 // marks in either order compose to ệ
    [InlineData("e\u0323\u0302", "\u1EC7")]
    [InlineData("\u00EA\u0323", "\u1EC7")]                  // a precomposed letter decomposes first
    [InlineData("\u212B", "\u00C5")]                        // singleton (ANGSTROM SIGN)
    [InlineData("\uF900", "\u8C48")]                        // CJK compatibility ideograph
    [InlineData("\u0958", "\u0915\u093C")]                  // composition exclusion stays decomposed
    [InlineData("\u1100\u1161\u11A8", "\uAC01")]            // Hangul L V T
    [InlineData("\u0301e", "\u0301e")]                      // leading mark has nothing to compose with
    [InlineData("a\u0328\u0301", "\u0105\u0301")]           // ą́: no precomposed form
    [InlineData("\U0001D15E", "\U0001D157\U0001D165")]      // musical symbol outside the BMP, excluded
    public void Compose_NonNfcText_ReturnsNfc(string text, string expected)
    {
        Assert.Equal(expected, s_nfc.Compose(text));
    }

    [Theory]
    [InlineData("a plain query")]
    [InlineData("caf\u00E9 \u00FCber na\u00EFve")]
    [InlineData("\u732B\u304C\u597D\u304D \uAC01")]
    [InlineData("\U0001F600 \U00020BB7")]
    public void Compose_AlreadyNfc_ReturnsSameText(string text)
    {
        Assert.Equal(text, s_nfc.Compose(text));
    }

    [Fact]
    public void CombiningClass_KnownMarks_FromUnicodeData()
    {
        Assert.Equal(230, s_nfc.CombiningClass(0x0301));
        Assert.Equal(220, s_nfc.CombiningClass(0x0323));
        Assert.Equal(0, s_nfc.CombiningClass('a'));
    }
}
