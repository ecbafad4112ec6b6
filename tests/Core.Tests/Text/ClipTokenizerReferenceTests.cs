using System.Text.Json;
using VideoSearch.Core.Text;

namespace VideoSearch.Core.Tests.Text;

/// <summary>Golden ids from the clip-tokenizer kit: what XCLIPProcessor's fast tokenizer returns.</summary>
public class ClipTokenizerReferenceTests
{
    private static ClipTokenizer Tokenizer => ClipReferenceCases.Tokenizer;

    public static TheoryData<int, string> Lines => ClipReferenceCases.Lines();

    [Fact]
    public void Cases_ReferenceFile_HasEveryLine()
    {
        Assert.Equal(196, ClipReferenceCases.All.Count);
        Assert.Equal(16, ClipReferenceCases.All.Count(c => c.HfFastInputIds is not null));
        Assert.Equal(5, ClipReferenceCases.All.Count(c => c.Truncated77 is not null));
    }

    [Theory]
    [MemberData(nameof(Lines))]
    public void EncodeToIds_ReferenceCase_MatchesFastTokenizerIds(int line, string label)
    {
        ClipReferenceCase c = ClipReferenceCases.AtLine(line);

        IReadOnlyList<int> ids = Tokenizer.EncodeToIds(c.Text);

        Assert.True(c.ExpectedIds.SequenceEqual(ids), $"line {line} ({label}): expected [{string.Join(", ", c.ExpectedIds)}], got [{string.Join(", ", ids)}]");
    }

    [Theory]
    [MemberData(nameof(Lines))]
    public void Encode_ReferenceCaseAtMax77_MatchesTruncatedIds(int line, string label)
    {
        ClipReferenceCase c = ClipReferenceCases.AtLine(line);
        int[] expected = c.Truncated77 ?? c.ExpectedIds;

        TokenizedText result = Tokenizer.Encode(c.Text, 77);

        Assert.True(expected.SequenceEqual(result.Ids), $"line {line} ({label}): expected [{string.Join(", ", expected)}], got [{string.Join(", ", result.Ids)}]");
        Assert.Equal(c.Truncated77 is not null, result.WasTruncated);
        Assert.Equal(c.ExpectedIds.Length, result.UntruncatedTokenCount);
    }

    [Fact]
    public void EncodeBatch_ReferenceBatch_MatchesPaddedIdsAndMask()
    {
        using JsonDocument batch = JsonDocument.Parse(File.ReadAllText(Path.Combine(ClipReferenceCases.KitFolder, "batch.json")));
        JsonElement root = batch.RootElement;
        string[] texts = root.GetProperty("texts").EnumerateArray().Select(t => t.GetString()!).ToArray();
        long[][] ids = Rows(root.GetProperty("input_ids"));
        long[][] mask = Rows(root.GetProperty("attention_mask"));

        TokenizedBatch result = Tokenizer.EncodeBatch(texts);

        Assert.Equal(root.GetProperty("pad_token_id").GetInt32(), Tokenizer.PadTokenId);
        Assert.Equal(texts.Length, result.Rows);
        Assert.Equal(ids[0].Length, result.Columns);
        Assert.Equal(ids.SelectMany(row => row), result.InputIds);
        Assert.Equal(mask.SelectMany(row => row), result.AttentionMask);
        Assert.All(result.WasTruncated, Assert.False);
    }

    private static long[][] Rows(JsonElement matrix) =>
        matrix.EnumerateArray().Select(row => row.EnumerateArray().Select(v => v.GetInt64()).ToArray()).ToArray();
}
