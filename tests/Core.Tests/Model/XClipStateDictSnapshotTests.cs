using System.Diagnostics;
using System.Text.RegularExpressions;
using TorchSharp;
using VideoSearch.Core.Model;
using VideoSearch.TestSupport;

namespace VideoSearch.Core.Tests.Model;

public partial class XClipStateDictSnapshotTests
{
    private static string GoldenPath =>
        Path.Combine(Fixtures.RepositoryRoot, "tests", "Core.Tests", "Model", "Golden", "xclip-base-patch32.state_dict.txt");

    [Fact]
    public void StateDict_BasePatch32OnMetaDevice_MatchesGoldenNamesAndShapes()
    {
        using var model = new XClipModel(new XClipConfig(), torch.META);

        var lines = Describe(model);

        Assert.Equal(File.ReadAllLines(GoldenPath), lines);
        Assert.Equal(591, lines.Count);
        Assert.Equal(196_585_729L, model.state_dict().Values.Sum(t => t.numel()));
    }

    [Fact]
    public void Constructor_MetaDevice_AllocatesNoWeightStorage()
    {
        using (new XClipModel(new XClipConfig(), torch.META)) { } // first build loads code paths, not weights
        GC.Collect();
        long before = Process.GetCurrentProcess().WorkingSet64;

        using var model = new XClipModel(new XClipConfig(), torch.META);

        long growth = Process.GetCurrentProcess().WorkingSet64 - before;
        Assert.All(model.state_dict().Values, t => Assert.Equal(DeviceType.META, t.device_type));
        // Real float32 weights are 786 MB; 200 MB leaves room for other tests running in parallel in this process.
        Assert.True(growth < 200L * 1024 * 1024, $"working set grew by {growth / 1e6:F0} MB");
    }

    [Theory]
    [InlineData("xclip-tiny")]
    [InlineData("xclip-tiny-clipvocab")]
    public void StateDict_KitConfig_EqualsKitReadmeKeyList(string kit)
    {
        var config = XClipConfig.Load(Path.Combine(Fixtures.Reference(kit), "config.json"));
        using var model = new XClipModel(config, torch.META);

        Assert.Equal(ReadmeKeys(kit), Describe(model));
    }

    [Fact]
    public void Golden_LayerPattern_EqualsKitReadmeKeyListPattern()
    {
        // Same names as the kits, only more layers: collapse layer indices and compare the ordered patterns.
        Assert.Equal(Pattern(ReadmeKeys("xclip-tiny")), Pattern(File.ReadAllLines(GoldenPath)));
    }

    private static List<string> Describe(XClipModel model) =>
        model.state_dict().Select(p => $"{p.Key} [{string.Join(", ", p.Value.shape)}]").ToList();

    private static List<string> ReadmeKeys(string kit)
    {
        var readme = File.ReadAllLines(Path.Combine(Fixtures.Reference(kit), "README.md"));
        int heading = Array.FindIndex(readme, l => l.StartsWith("## State-dict keys", StringComparison.Ordinal));
        int open = Array.FindIndex(readme, heading, l => l.StartsWith("```", StringComparison.Ordinal));
        int close = Array.FindIndex(readme, open + 1, l => l.StartsWith("```", StringComparison.Ordinal));
        return readme[(open + 1)..close].ToList();
    }

    private static List<string> Pattern(IEnumerable<string> lines) =>
        lines.Select(l => LayerIndex().Replace(l.Split(' ')[0], ".N.")).Distinct().ToList();

    [GeneratedRegex(@"\.\d+\.")]
    private static partial Regex LayerIndex();
}
