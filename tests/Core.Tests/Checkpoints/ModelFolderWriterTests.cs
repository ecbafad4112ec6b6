using VideoSearch.Core.Checkpoints;
using VideoSearch.Core.Hub;
using VideoSearch.Core.Model;
using VideoSearch.Core.Tests.Model;
using VideoSearch.TestSupport;
using static TorchSharp.torch;

namespace VideoSearch.Core.Tests.Checkpoints;

public sealed class ModelFolderWriterTests : IDisposable
{
    private static readonly string[] s_kitFiles =
        ["config.json", "model.safetensors", "vocab.json", "merges.txt", "tokenizer_config.json", "special_tokens_map.json",
         "preprocessor_config.json"];

    private readonly string dir = Directory.CreateTempSubdirectory("model-folder-writer-tests-").FullName;
    private static string Kit => Fixtures.Reference("xclip-tiny-clipvocab");

    public void Dispose() => Directory.Delete(dir, recursive: true);

    [Fact]
    public void Write_KitModel_FolderHasEveryFileAndNothingElse()
    {
        using var model = XClipModel.FromPretrained(Kit);
        string target = Path.Combine(dir, "trained");

        ModelFolderWriter.Write(model, target, Kit);

        Assert.Equal(s_kitFiles.Order(), Directory.GetFiles(target).Select(Path.GetFileName).Order());
        foreach (string file in s_kitFiles.Where(f => f is not ("config.json" or "model.safetensors")))
            Assert.Equal(File.ReadAllBytes(Path.Combine(Kit, file)), File.ReadAllBytes(Path.Combine(target, file)));
        Assert.Equal(File.ReadAllText(Path.Combine(Kit, "config.json")), File.ReadAllText(Path.Combine(target, "config.json")));
        Assert.Equal([target], Directory.GetFileSystemEntries(dir)); // no partial or previous folder left
    }

    [Fact]
    public void FromPretrained_WrittenFolder_ReproducesTheKitLogits()
    {
        var kit = ReferenceKit.Get("xclip-tiny-clipvocab");
        string target = Path.Combine(dir, "trained");
        ModelFolderWriter.Write(kit.Model, target, kit.Folder);

        using var reloaded = XClipModel.FromPretrained(target);
        using var scope = NewDisposeScope();
        var ids = kit.Read("case0", "input_ids");
        var mask = kit.Read("case0", "attention_mask");
        var pixels = kit.Read("case0", "pixel_values");
        using var fromKit = kit.Model.Forward(ids, mask, pixels);
        using var fromSaved = reloaded.Forward(ids, mask, pixels);

        // The same weights in the same code give the same bits; the kit tolerance is checked too.
        Assert.Equal(fromKit.LogitsPerVideo.data<float>().ToArray(), fromSaved.LogitsPerVideo.data<float>().ToArray());
        var expected = kit.Read("case0", "logits_per_video");
        Assert.True(kit.Compare(fromSaved.LogitsPerVideo, expected, kit.Cases["case0"]["logits_per_video"]!.Value).Within);
    }

    [Fact]
    public void Write_ExistingModelFolder_RefusedUnlessReplaceAsked()
    {
        using var model = XClipModel.FromPretrained(Kit);
        string target = Path.Combine(dir, "trained");
        Directory.CreateDirectory(target);
        File.WriteAllText(Path.Combine(target, "config.json"), "{}");

        Assert.Throws<ModelFolderExistsException>(() => ModelFolderWriter.Write(model, target, Kit));
        Assert.Equal("{}", File.ReadAllText(Path.Combine(target, "config.json")));

        ModelFolderWriter.Write(model, target, Kit, replace: true);

        Assert.Empty(ModelFolderCheck.Problems(target));
        Assert.Equal([target], Directory.GetFileSystemEntries(dir));
    }

    [Fact]
    public void Write_ExistingFolderThatIsNotAModel_RefusedEvenWithReplace()
    {
        using var model = XClipModel.FromPretrained(Kit);
        string target = Path.Combine(dir, "documents");
        Directory.CreateDirectory(target);
        File.WriteAllText(Path.Combine(target, "notes.txt"), "keep me");

        var e = Assert.Throws<ModelFolderExistsException>(() => ModelFolderWriter.Write(model, target, Kit, replace: true));

        Assert.Contains("not a model folder", e.Message);
        Assert.Equal("keep me", File.ReadAllText(Path.Combine(target, "notes.txt")));
    }

    [Fact]
    public void Write_SourceWithoutTokenizer_ThrowsBeforeWritingAnything()
    {
        using var model = XClipModel.FromPretrained(Kit);

        var e = Assert.Throws<ModelFilesMissingException>(() =>
            ModelFolderWriter.Write(model, Path.Combine(dir, "trained"), Fixtures.Reference("xclip-tiny")));

        Assert.Equal(["vocab.json", "merges.txt"], e.MissingFiles);
        Assert.Empty(Directory.EnumerateFileSystemEntries(dir));
    }

    [Fact]
    public void Write_FailureAfterStarting_LeavesNoFolderBehind()
    {
        using var model = XClipModel.FromPretrained(Kit);
        model.UsePrecision(XClipPrecision.Bf16); // refused by the weights step, after the partial folder exists

        Assert.Throws<InvalidOperationException>(() => ModelFolderWriter.Write(model, Path.Combine(dir, "trained"), Kit));

        Assert.Empty(Directory.EnumerateFileSystemEntries(dir));
    }
}
