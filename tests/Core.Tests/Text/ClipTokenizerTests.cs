using System.Collections.Concurrent;
using System.Diagnostics;
using VideoSearch.Core.Text;
using Xunit.Abstractions;

namespace VideoSearch.Core.Tests.Text;

public class ClipTokenizerTests(ITestOutputHelper output)
{
    private const int Bos = 49406;
    private const int Eos = 49407;

    private static ClipTokenizer Tokenizer => ClipReferenceCases.Tokenizer;

    [Fact]
    public void FromFolder_ReferenceModel_ReadsSpecialTokensAndMaxLength()
    {
        Assert.Equal(Bos, Tokenizer.BosTokenId);
        Assert.Equal(Eos, Tokenizer.EosTokenId);
        Assert.Equal(Eos, Tokenizer.PadTokenId);
        Assert.Equal(77, Tokenizer.ModelMaxLength);
    }

    [Theory]
    [InlineData("")]
    [InlineData("     ")]
    [InlineData("\t\n\r ")]
    [InlineData("\u3000\u2028\u00A0")]
    public void EncodeToIds_EmptyOrWhitespace_ReturnsStartAndEnd(string text)
    {
        Assert.Equal([Bos, Eos], Tokenizer.EncodeToIds(text));
    }

    [Fact]
    public void EncodeToIds_Null_ThrowsArgumentNull()
    {
        Assert.Throws<ArgumentNullException>(() => Tokenizer.EncodeToIds(null!));
        Assert.Throws<ArgumentNullException>(() => Tokenizer.Encode(null!, 77));
    }

    [Fact]
    public void EncodeToIds_ExactEndOfTextInText_BecomesEndToken()
    {
        Assert.Equal([Bos, 3306, Eos, 1002, Eos], Tokenizer.EncodeToIds("hello <|endoftext|> world"));
        Assert.Equal([Bos, 3306, Eos, Eos, 1002, Eos], Tokenizer.EncodeToIds("hello<|endoftext|><|endoftext|>world"));
    }

    [Fact]
    public void EncodeToIds_StartOfTextInAnyCase_BecomesStartToken()
    {
        Assert.Equal([Bos, Bos, 320, 1929, Eos], Tokenizer.EncodeToIds("<|StartOfText|> a dog"));
        Assert.Equal([Bos, 320, Bos, 1929, Eos], Tokenizer.EncodeToIds("A<|STARTOFTEXT|>DOG"));
    }

    [Fact]
    public void EncodeToIds_EndOfTextNotLowerCase_IsOrdinaryText()
    {
        IReadOnlyList<int> ids = Tokenizer.EncodeToIds("<|EndOfText|>");

        Assert.DoesNotContain(Eos, ids.Skip(1).SkipLast(1));
        Assert.Equal(Tokenizer.EncodeToIds("<|ENDOFTEXT|>"), ids);
    }

    [Fact]
    public void EncodeToIds_AstralDigitsAndLetters_ClassifiedPerCodePoint()
    {
        // 𝟏𝟎 are two digits, so two words; read as UTF-16 units they would be one punctuation word.
        IReadOnlyList<int> digits = Tokenizer.EncodeToIds("𝟏𝟎");
        IReadOnlyList<int> first = Tokenizer.EncodeToIds("𝟏");
        IReadOnlyList<int> second = Tokenizer.EncodeToIds("𝟎");

        Assert.Equal(first.Skip(1).SkipLast(1).Concat(second.Skip(1).SkipLast(1)), digits.Skip(1).SkipLast(1));
        // 𠮷 (a letter outside the BMP) joins the following BMP letters in one word: one </w>-suffixed token at the end only.
        Assert.Equal([Bos, 172, 254, 106, 115, 38283, 236, 27047, 370, Eos], Tokenizer.EncodeToIds("𠮷野家"));
    }

    [Fact]
    public void EncodeToIds_LoneSurrogate_EncodedAsReplacementCharacter()
    {
        Assert.Equal(Tokenizer.EncodeToIds("a \uFFFD b"), Tokenizer.EncodeToIds("a \uD800 b"));
    }

    [Fact]
    public void Encode_ShortTextWithLimit_NotTruncated()
    {
        TokenizedText result = Tokenizer.Encode("a photo of a cat", 77);

        Assert.Equal([Bos, 320, 1125, 539, 320, 2368, Eos], result.Ids);
        Assert.False(result.WasTruncated);
        Assert.Equal(7, result.UntruncatedTokenCount);
    }

    [Fact]
    public void Encode_LongTextSmallLimit_KeepsStartFirstContentAndEndLast()
    {
        TokenizedText result = Tokenizer.Encode("a photo of a cat", 4);

        Assert.Equal([Bos, 320, 1125, Eos], result.Ids);
        Assert.True(result.WasTruncated);
        Assert.Equal(7, result.UntruncatedTokenCount);
    }

    [Fact]
    public void Encode_NoLimit_ReturnsAllIds()
    {
        ClipReferenceCase longest = ClipReferenceCases.All.MaxBy(c => c.ExpectedIds.Length)!;

        TokenizedText result = Tokenizer.Encode(longest.Text, null);

        Assert.Equal(longest.ExpectedIds, result.Ids);
        Assert.False(result.WasTruncated);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(0)]
    [InlineData(-5)]
    public void Encode_LimitBelowTwo_ThrowsArgumentOutOfRange(int maxLength)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Tokenizer.Encode("a cat", maxLength));
    }

    [Fact]
    public void EncodeBatch_LongAndShortTexts_TruncatesToLimitAndPads()
    {
        ClipReferenceCase longCase = ClipReferenceCases.All.First(c => c.Truncated77 is not null);

        TokenizedBatch batch = Tokenizer.EncodeBatch([longCase.Text, "a dog"]);

        Assert.Equal(2, batch.Rows);
        Assert.Equal(77, batch.Columns);
        Assert.Equal(longCase.Truncated77!.Select(id => (long)id), batch.InputIds.Take(77));
        Assert.Equal(new long[] { Bos, 320, 1929, Eos }.Concat(Enumerable.Repeat((long)Eos, 73)), batch.InputIds.Skip(77));
        Assert.Equal(Enumerable.Repeat(1L, 77 + 4).Concat(Enumerable.Repeat(0L, 73)), batch.AttentionMask);
        Assert.Equal([true, false], batch.WasTruncated);
    }

    [Fact]
    public void EncodeBatch_EmptyListOrNullText_ThrowsArgumentException()
    {
        Assert.Throws<ArgumentNullException>(() => Tokenizer.EncodeBatch(null!));
        Assert.Throws<ArgumentException>(() => Tokenizer.EncodeBatch([]));
        Assert.Throws<ArgumentException>(() => Tokenizer.EncodeBatch(["a", null!]));
    }

    [Fact]
    public void EncodeToIds_ManyThreadsAtOnce_SameIdsAsOneThread()
    {
        // A fresh instance, so the threads race on filling the BPE word cache too.
        ClipTokenizer tokenizer = ClipTokenizer.FromFolder(ClipReferenceCases.ModelFolder);
        IReadOnlyList<ClipReferenceCase> cases = ClipReferenceCases.All;
        var mismatches = new ConcurrentBag<string>();

        Parallel.For(0, cases.Count * 8, new ParallelOptions { MaxDegreeOfParallelism = 16 }, i =>
        {
            ClipReferenceCase c = cases[(i * 37) % cases.Count];
            if (!c.ExpectedIds.SequenceEqual(tokenizer.EncodeToIds(c.Text))) mismatches.Add(c.Text);
        });

        Assert.Empty(mismatches);
    }

    [Fact]
    public void EncodeToIds_TypicalQuery_ReportsTimePerQuery()
    {
        // Measured and reported, not asserted: timings on a shared machine are not reproducible.
        var loading = Stopwatch.StartNew();
        ClipTokenizer.FromFolder(ClipReferenceCases.ModelFolder);
        output.WriteLine($"FromFolder: {loading.Elapsed.TotalMilliseconds:F0} ms");

        string[] queries = ["a dog catching a frisbee on the beach", "people dancing at a wedding", "a red car drifting in the snow"];
        int[] lengths = queries.Select(query => Tokenizer.EncodeToIds(query).Count).ToArray();

        const int rounds = 3000;
        var stopwatch = Stopwatch.StartNew();
        int total = 0;
        for (int i = 0; i < rounds; i++) total += Tokenizer.EncodeToIds(queries[i % queries.Length]).Count;
        stopwatch.Stop();

        output.WriteLine($"EncodeToIds: {stopwatch.Elapsed.TotalMicroseconds / rounds:F1} µs per query ({rounds} queries)");
        Assert.Equal(lengths.Sum() * (rounds / queries.Length), total);
    }
}
