using System.Diagnostics;
using System.Text.Json.Nodes;
using VideoSearch.Core.Errors;
using VideoSearch.Core.Inference;
using VideoSearch.Core.Model;
using VideoSearch.TestSupport;

namespace VideoSearch.Core.Tests.Model;

/// <summary>Absurd and oversized model configs are refused from the config alone, fast and before anything is built.</summary>
public sealed class ModelMemoryBudgetTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("model-limits-").FullName;

    public ModelMemoryBudgetTests()
    {
        foreach (string file in Directory.GetFiles(Fixtures.Reference("xclip-tiny-clipvocab")))
            File.Copy(file, Path.Combine(_folder, Path.GetFileName(file)));
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    /// <summary>A vision tower within every limit but of about 19 TiB at float32.</summary>
    private static XClipConfig Huge => new()
    {
        VisionConfig = new XClipVisionConfig { NumHiddenLayers = 1024, HiddenSize = 16384, NumAttentionHeads = 128, IntermediateSize = 65536 },
    };

    private static XClipConfig Tiny => XClipConfig.Load(Path.Combine(Fixtures.Reference("xclip-tiny"), "config.json"));

    [Fact]
    public void InferenceLoad_BillionVisionLayers_RefusedFastNamingTheField()
    {
        PatchConfig("vision_config", "num_hidden_layers", 1_000_000_000);
        XClipInference.Load(CopyOfKit()).Dispose(); // warm-up: code paths and the tokenizer, so only the refusal is timed
        long before = Process.GetCurrentProcess().WorkingSet64;
        var clock = Stopwatch.StartNew();

        var error = Assert.Throws<XClipConfigException>(() => XClipInference.Load(_folder));

        clock.Stop();
        long growth = Process.GetCurrentProcess().WorkingSet64 - before;
        Assert.Contains("vision_config.num_hidden_layers is 1000000000, above the limit of 1024", error.Message);
        Assert.Equal(ErrorKind.InvalidInput, error.Kind);
        // Well under a second: building even a thousand layers takes longer. 50 MB: the tokenizer and config of the
        // tiny kit, far below what building layers would take (about 130 MB a second).
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(1), $"took {clock.Elapsed}");
        Assert.True(growth < 50L * 1024 * 1024, $"working set grew by {growth / 1e6:F0} MB");
    }

    [Theory]
    [InlineData("text_config", "num_hidden_layers", 5000)]
    [InlineData("text_config", "vocab_size", 1_000_000_000)]
    [InlineData("text_config", "num_attention_heads", 4096)]
    [InlineData("vision_config", "hidden_size", 1_048_576)]
    [InlineData("vision_config", "intermediate_size", 1_000_000)]
    [InlineData("vision_config", "mit_num_hidden_layers", 2048)]
    [InlineData("vision_config", "image_size", 65536)]
    [InlineData("vision_config", "num_frames", 100_000)]
    [InlineData(null, "prompt_layers", 100_000)]
    public void Load_AbsurdValue_RefusedNamingTheField(string? section, string field, int value)
    {
        PatchConfig(section, field, value);

        var error = Assert.Throws<XClipConfigException>(() => XClipConfig.Load(Path.Combine(_folder, "config.json")));

        Assert.Contains($"{(section is null ? "" : section + ".")}{field} is {value}, above the limit", error.Message);
    }

    [Fact]
    public void Constructor_ConfigNeedingTerabytes_RefusedFastWithTheEstimate()
    {
        var clock = Stopwatch.StartNew();

        var error = Assert.Throws<ModelTooLargeException>(() => new XClipModel(Huge));

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(1), $"took {clock.Elapsed}");
        Assert.Equal(ErrorKind.InvalidInput, error.Kind);
        Assert.Equal(XClipParameterCount.Of(Huge), error.Parameters);
        Assert.Equal(error.Parameters * 4, error.EstimatedBytes);
        Assert.Contains("TiB at float32", error.Message);
        Assert.Contains("of memory is available", error.Message);
        Assert.True(error.AvailableBytes <= ModelMemoryBudget.SystemAvailableBytes() * 2, "available memory is the system's");
    }

    [Fact]
    public void InferenceLoad_ConfigNeedingTerabytes_RefusedBeforeReadingWeights()
    {
        PatchConfig("vision_config", "num_hidden_layers", 1024);
        PatchConfig("vision_config", "hidden_size", 16384);
        PatchConfig("vision_config", "num_attention_heads", 128);
        PatchConfig("vision_config", "intermediate_size", 65536);

        Assert.Throws<ModelTooLargeException>(() => XClipInference.Load(_folder));
    }

    [Fact]
    public void EnsureFits_WeightsPlusMarginAboveAvailable_RefusedWithBothFigures()
    {
        long weights = ModelMemoryBudget.EstimateBytes(Tiny);
        var budget = new ModelMemoryBudget { AvailableBytes = weights * 12 / 10, Margin = 0.5 };

        var error = Assert.Throws<ModelTooLargeException>(() => budget.EnsureFits(Tiny));

        Assert.Equal((weights, weights * 3 / 2, weights * 12 / 10), (error.EstimatedBytes, error.RequiredBytes, error.AvailableBytes));
        Assert.Contains("50 % margin", error.Message);
    }

    [Fact]
    public void Constructor_WeightsPlusMarginWithinAvailable_Builds()
    {
        long weights = ModelMemoryBudget.EstimateBytes(Tiny);

        using var model = new XClipModel(Tiny, memory: new ModelMemoryBudget { AvailableBytes = weights * 12 / 10, Margin = 0.1 });

        Assert.Equal(weights, model.state_dict().Values.Sum(t => t.numel()) * 4);
    }

    [Fact]
    public void EnsureFits_NegativeMargin_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new ModelMemoryBudget { Margin = -0.1 }.EnsureFits(Tiny));

    [Fact]
    public void SystemAvailableBytes_IsPositiveAndWithinTheRuntimeLimit()
    {
        long available = ModelMemoryBudget.SystemAvailableBytes();

        Assert.InRange(available, 1, GC.GetGCMemoryInfo().TotalAvailableMemoryBytes);
    }

    private string CopyOfKit()
    {
        string copy = Path.Combine(_folder, "intact");
        Directory.CreateDirectory(copy);
        foreach (string file in Directory.GetFiles(Fixtures.Reference("xclip-tiny-clipvocab")))
            File.Copy(file, Path.Combine(copy, Path.GetFileName(file)), overwrite: true);
        return copy;
    }

    private void PatchConfig(string? section, string field, int value)
    {
        string path = Path.Combine(_folder, "config.json");
        JsonNode root = JsonNode.Parse(File.ReadAllText(path))!;
        (section is null ? root : root[section]!)[field] = value;
        File.WriteAllText(path, root.ToJsonString());
    }
}
