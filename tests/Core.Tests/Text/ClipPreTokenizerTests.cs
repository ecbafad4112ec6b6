using VideoSearch.Core.Text;

namespace VideoSearch.Core.Tests.Text;

public class ClipPreTokenizerTests
{
    private static string[] Words(string text) =>
        ClipPreTokenizer.Split(text).Select(p => text.Substring(p.Offset, p.Length)).ToArray();

    [Theory]
    [InlineData("a photo of a cat", new[] { "a", "photo", "of", "a", "cat" })]
    [InlineData("it's 2024!", new[] { "it", "'s", "2", "0", "2", "4", "!" })]
    [InlineData("we'll they're i'd", new[] { "we", "'ll", "they", "'re", "i", "'d" })]
    [InlineData("!'s", new[] { "!'", "s" })]
    [InlineData("\u001Cunit\u001F", new[] { "\u001C", "unit", "\u001F" })]
    [InlineData("<|endoftext|>", new[] { "<|", "endoftext", "|>" })]
    [InlineData("top \U0001D7CF\U0001D7CE", new[] { "top", "\U0001D7CF", "\U0001D7CE" })]
    [InlineData("\U00020BB7\u91CE\u5BB6", new[] { "\U00020BB7\u91CE\u5BB6" })]
    [InlineData("\U0001F600\U0001F600 x", new[] { "\U0001F600\U0001F600", "x" })]
    public void Split_Text_ReturnsClipWords(string text, string[] expected)
    {
        Assert.Equal(expected, Words(text));
    }

    [Fact]
    public void PreTokenize_StringAndSpan_SameOffsets()
    {
        const string text = "a dog's \U0001D7CF toy";

        Assert.Equal(ClipPreTokenizer.Instance.PreTokenize(text), ClipPreTokenizer.Instance.PreTokenize(text.AsSpan()));
    }
}
