namespace VideoSearch.Search.Tests;

[Collection(TinyLibraryCollection.Name)]
public sealed class QueryEncoderTests(TinyLibrary library)
{
    [Theory]
    [InlineData("")]
    [InlineData("   \t ")]
    public async Task EncodeAsync_EmptyQuery_ThrowsSearchQueryException(string query)
    {
        var e = await Assert.ThrowsAsync<SearchQueryException>(() => library.Encoder().EncodeAsync(query, CancellationToken.None));
        Assert.Contains("empty", e.Message);
    }

    [Fact]
    public async Task EncodeAsync_LongerThan77Tokens_TruncatedAndFlagged()
    {
        string query = string.Join(' ', Enumerable.Repeat("dog", 100));
        var (encoded, _, _) = await library.Encoder().EncodeAsync(query, CancellationToken.None);
        Assert.True(encoded.WasTruncated);
        Assert.Equal(77, encoded.TokenCount);
        Assert.Equal(102, encoded.UntruncatedTokenCount);
    }

    [Fact]
    public async Task EncodeAsync_RepeatedQuery_SecondCallSkipsEncoderWithSameFeatures()
    {
        var encoder = library.Encoder();
        var (first, _, firstEncodeMs) = await encoder.EncodeAsync("a red car", CancellationToken.None);
        var (second, tokenizeMs, encodeMs) = await encoder.EncodeAsync("A red  car", CancellationToken.None);
        Assert.True(firstEncodeMs > 0);
        Assert.Equal((0.0, 0.0), (tokenizeMs, encodeMs));
        Assert.Same(first, second);
    }
}
