using System.Text.Json.Nodes;
using VideoSearch.Core.Model;
using VideoSearch.TestSupport;

namespace VideoSearch.Core.Tests.Model;

public sealed class XClipConfigWriterTests : IDisposable
{
    private readonly string dir = Directory.CreateTempSubdirectory("config-writer-tests-").FullName;

    public void Dispose() => Directory.Delete(dir, recursive: true);

    [Theory]
    [InlineData("xclip-tiny")]
    [InlineData("xclip-tiny-clipvocab")]
    public void ToJson_KitConfig_SameTextAsTheKitFile(string kit)
    {
        string path = Path.Combine(Fixtures.Reference(kit), "config.json");

        Assert.Equal(File.ReadAllText(path), XClipConfig.Load(path).ToJson());
    }

    [Fact]
    public void ToJson_DefaultConfig_SameKeysAsTheKitAtEveryLevel()
    {
        // Key sets, not values: a field added to the records but not to the kit (or the reverse) shows up here.
        var kit = JsonNode.Parse(File.ReadAllText(Path.Combine(Fixtures.Reference("xclip-tiny"), "config.json")))!.AsObject();
        var written = JsonNode.Parse(new XClipConfig().ToJson())!.AsObject();

        Assert.Equal(Keys(kit), Keys(written));
        Assert.Equal(Keys(kit["text_config"]!.AsObject()), Keys(written["text_config"]!.AsObject()));
        Assert.Equal(Keys(kit["vision_config"]!.AsObject()), Keys(written["vision_config"]!.AsObject()));
    }

    [Fact]
    public void Save_ChangedConfig_LoadsBackEqual()
    {
        var original = XClipConfig.Load(Path.Combine(Fixtures.Reference("xclip-tiny"), "config.json")) with
        {
            PromptAlpha = 0.25,
            PromptProjectionDropout = 0.1,
            TextConfig = new XClipTextConfig { HiddenSize = 64, NumAttentionHeads = 4, LayerNormEps = 1e-6, AttentionDropout = 0.05 },
        };
        string path = Path.Combine(dir, "config.json");

        original.Save(path);

        Assert.Equal(original, XClipConfig.Load(path));
        Assert.Equal([path], Directory.GetFileSystemEntries(dir));
    }

    [Fact]
    public void ToJson_Floats_WrittenAsPythonPrintsThem()
    {
        var config = new XClipConfig { PromptAlpha = 0.25, InitializerFactor = 2, LogitScaleInitValue = 1e-4,
                                       TextConfig = new XClipTextConfig { LayerNormEps = 1e-6 } };

        var root = JsonNode.Parse(config.ToJson())!;
        string text = config.ToJson();

        Assert.Contains("\"prompt_alpha\": 0.25,", text);
        Assert.Contains("\"initializer_factor\": 2.0,", text);
        Assert.Contains("\"logit_scale_init_value\": 0.0001,", text);
        Assert.Contains("\"layer_norm_eps\": 1e-06,", text);
        Assert.Contains("\"projection_dim\": 512,", text); // integers stay integers
        Assert.Equal("float32", (string?)root["torch_dtype"]);
        Assert.Equal(["XCLIPModel"], root["architectures"]!.AsArray().Select(n => (string?)n));
    }

    private static List<string> Keys(JsonObject o) => o.Select(p => p.Key).Order(StringComparer.Ordinal).ToList();
}
