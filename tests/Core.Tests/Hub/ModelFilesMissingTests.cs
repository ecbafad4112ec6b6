using VideoSearch.Core.Errors;
using VideoSearch.Core.Hub;
using VideoSearch.Core.Inference;
using VideoSearch.Core.Inspection;
using VideoSearch.Core.Model;
using VideoSearch.Core.Text;
using VideoSearch.TestSupport;

namespace VideoSearch.Core.Tests.Hub;

/// <summary>Every way of loading a model meets a half-copied folder with the same typed failure.</summary>
public sealed class ModelFilesMissingTests : IDisposable
{
    private readonly TempDirectory _folder = new();
    private readonly TempDirectory _cache = new();

    public ModelFilesMissingTests()
    {
        foreach (string file in Directory.GetFiles(Fixtures.Reference("xclip-tiny-clipvocab")))
            File.Copy(file, Path.Combine(_folder.Path, Path.GetFileName(file)));
    }

    public void Dispose()
    {
        _folder.Dispose();
        _cache.Dispose();
    }

    private ModelLocator Locator => new(new HubOptions { CacheDirectory = _cache.Path, Offline = true });

    public static TheoryData<string> EntryPoints => new()
    {
        "ModelLocator.ResolveAsync", "ModelInspector.InspectAsync", "XClipConfig.Load", "XClipModel.FromPretrained",
        "XClipInference.Load", "XClipInferenceCache.GetOrLoad",
    };

    [Theory]
    [MemberData(nameof(EntryPoints))]
    public async Task EntryPoint_FolderWithoutConfig_ThrowsModelFilesMissingNamingFolderAndFile(string entryPoint)
    {
        File.Delete(Path.Combine(_folder.Path, "config.json"));

        var error = await Assert.ThrowsAsync<ModelFilesMissingException>(() => Load(entryPoint));

        Assert.Equal(ErrorKind.NotFound, error.Kind);
        Assert.Equal(_folder.Path, error.Folder);
        Assert.Equal(["config.json"], error.MissingFiles);
        Assert.Contains(_folder.Path, error.Message);
        Assert.Contains("lacks config.json", error.Message);
    }

    [Theory]
    [InlineData("ModelLocator.ResolveAsync")]
    [InlineData("XClipModel.FromPretrained")]
    [InlineData("XClipInference.Load")]
    public async Task EntryPoint_FolderWithoutWeights_ThrowsNamingModelSafetensors(string entryPoint)
    {
        File.Delete(Path.Combine(_folder.Path, "model.safetensors"));

        var error = await Assert.ThrowsAsync<ModelFilesMissingException>(() => Load(entryPoint));

        Assert.Equal(["model.safetensors"], error.MissingFiles);
    }

    [Theory]
    [InlineData("vocab.json")]
    [InlineData("merges.txt")]
    public void Tokenizer_FileMissing_ThrowsModelFilesMissing(string file)
    {
        File.Delete(Path.Combine(_folder.Path, file));

        Assert.Equal([file], Assert.Throws<ModelFilesMissingException>(() => ClipTokenizer.FromFolder(_folder.Path)).MissingFiles);
        Assert.Equal([file], Assert.Throws<ModelFilesMissingException>(() => XClipInference.Load(_folder.Path)).MissingFiles);
    }

    [Fact]
    public void InferenceLoad_SeveralFilesMissing_NamesEveryOne()
    {
        File.Delete(Path.Combine(_folder.Path, "config.json"));
        File.Delete(Path.Combine(_folder.Path, "merges.txt"));

        var error = Assert.Throws<ModelFilesMissingException>(() => XClipInference.Load(_folder.Path));

        Assert.Equal(["config.json", "merges.txt"], error.MissingFiles);
        Assert.Contains("lacks config.json, merges.txt", error.Message);
    }

    [Fact]
    public void InferenceLoad_NoFolder_SaysItDoesNotExist()
    {
        string missing = Path.Combine(_folder.Path, "absent");

        var error = Assert.Throws<ModelFilesMissingException>(() => XClipInference.Load(missing));

        Assert.Contains("does not exist", error.Message);
        Assert.Equal(ErrorKind.NotFound, error.Kind);
    }

    private async Task Load(string entryPoint)
    {
        string folder = _folder.Path;
        switch (entryPoint)
        {
            case "ModelLocator.ResolveAsync":
                await Locator.ResolveAsync(folder);
                break;
            case "ModelInspector.InspectAsync":
                await new ModelInspector(Locator).InspectAsync(folder, null, CancellationToken.None);
                break;
            case "XClipConfig.Load":
                XClipConfig.Load(Path.Combine(folder, "config.json"));
                break;
            case "XClipModel.FromPretrained":
                XClipModel.FromPretrained(folder).Dispose();
                break;
            case "XClipInference.Load":
                XClipInference.Load(folder).Dispose();
                break;
            case "XClipInferenceCache.GetOrLoad":
                using (var cache = new XClipInferenceCache()) cache.GetOrLoad(folder, "tiny");
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(entryPoint), entryPoint, null);
        }
    }
}
