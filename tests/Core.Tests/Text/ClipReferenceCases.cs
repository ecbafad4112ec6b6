using System.Text;
using System.Text.Json;
using VideoSearch.Core.Text;
using VideoSearch.TestSupport;

namespace VideoSearch.Core.Tests.Text;

/// <summary>The reference kits and one tokenizer shared by the tests (loading it once keeps them fast).</summary>
public static class ClipReferenceCases
{
    private static readonly Lazy<ClipReferenceCase[]> s_cases = new(Load);
    private static readonly Lazy<ClipTokenizer> s_tokenizer = new(() => ClipTokenizer.FromFolder(ModelFolder));

    public static string ModelFolder => Fixtures.Reference("xclip-tiny-clipvocab");

    public static string KitFolder => Fixtures.Reference("clip-tokenizer");

    public static ClipTokenizer Tokenizer => s_tokenizer.Value;

    public static IReadOnlyList<ClipReferenceCase> All => s_cases.Value;

    /// <summary>One row per line: the 1-based line number, and a readable label so a failure names the case.</summary>
    public static TheoryData<int, string> Lines()
    {
        var data = new TheoryData<int, string>();
        for (int i = 0; i < All.Count; i++) data.Add(i + 1, Label(All[i]));
        return data;
    }

    public static ClipReferenceCase AtLine(int line) => All[line - 1];

    private static string Label(ClipReferenceCase c)
    {
        var label = new StringBuilder(c.Category).Append(": ");
        foreach (char ch in c.Text.Length > 40 ? c.Text[..40] + "…" : c.Text)
        {
            label.Append(char.IsControl(ch) || char.IsWhiteSpace(ch) && ch != ' ' ? $"\\u{(int)ch:X4}" : ch.ToString());
        }
        return label.ToString();
    }

    private static ClipReferenceCase[] Load() =>
        File.ReadLines(Path.Combine(KitFolder, "cases.jsonl"))
            .Where(line => line.Length > 0)
            .Select(line => JsonSerializer.Deserialize<ClipReferenceCase>(line) ?? throw new InvalidDataException(line))
            .ToArray();
}
