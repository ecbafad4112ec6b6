using System.Text.Json;
using VideoSearch.TestSupport;

namespace VideoSearch.Core.Tests.Media;

/// <summary>The facts of tests/fixtures/media/manifest.json, for data-driven tests.</summary>
internal static class MediaManifest
{
    private static readonly Lazy<Dictionary<string, JsonElement>> s_files = new(Load);

    public static IReadOnlyDictionary<string, JsonElement> Files => s_files.Value;

    /// <summary>Names of entries whose <c>expect</c> is <paramref name="expect"/>, excluding the two links the tests create.</summary>
    public static TheoryData<string> Names(string expect)
    {
        var data = new TheoryData<string>();
        foreach (var (name, entry) in Files)
        {
            if (entry.GetProperty("expect").GetString() == expect && !entry.TryGetProperty("link_target", out _)) data.Add(name);
        }
        return data;
    }

    public static JsonElement Probe(string name) => Files[name].GetProperty("probe");

    public static string PathOf(string name) => Path.Combine(Fixtures.Media, name);

    private static Dictionary<string, JsonElement> Load()
    {
        using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(Fixtures.Media, "manifest.json")));
        return document.RootElement.GetProperty("files").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.Clone());
    }
}
