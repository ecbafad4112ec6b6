using System.Text.Json.Serialization;

namespace VideoSearch.Core.Tests.Text;

/// <summary>One line of the clip-tokenizer kit's cases.jsonl.</summary>
public sealed record ClipReferenceCase(
    [property: JsonPropertyName("text")] string Text,
    [property: JsonPropertyName("category")] string Category,
    [property: JsonPropertyName("input_ids")] int[] InputIds,
    [property: JsonPropertyName("hf_fast_input_ids")] int[]? HfFastInputIds,
    [property: JsonPropertyName("truncated_77")] int[]? Truncated77)
{
    /// <summary>What XCLIPProcessor (the fast tokenizer) returns without truncation.</summary>
    public int[] ExpectedIds => HfFastInputIds ?? InputIds;
}
