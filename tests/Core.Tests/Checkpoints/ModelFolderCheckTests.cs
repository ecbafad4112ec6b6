using TorchSharp;
using VideoSearch.Core.Checkpoints;
using VideoSearch.TestSupport;
using static TorchSharp.torch;

namespace VideoSearch.Core.Tests.Checkpoints;

public sealed class ModelFolderCheckTests : IDisposable
{
    private readonly string dir = Directory.CreateTempSubdirectory("model-folder-check-tests-").FullName;
    private static string Kit => Fixtures.Reference("xclip-tiny");

    public void Dispose() => Directory.Delete(dir, recursive: true);

    [Theory]
    [InlineData("xclip-tiny")]
    [InlineData("xclip-tiny-clipvocab")]
    public void Problems_ReferenceKit_None(string kit)
    {
        Assert.Empty(ModelFolderCheck.Problems(Fixtures.Reference(kit)));
        ModelFolderCheck.ThrowIfInvalid(Fixtures.Reference(kit));
    }

    [Fact]
    public void Problems_WrongFormatMetadata_Named()
    {
        var tensors = KitCheckpoint.ReadAll(Path.Combine(Kit, "model.safetensors"));
        WriteFolder(tensors, new Dictionary<string, string> { ["format"] = "np" });

        Assert.Equal(["header __metadata__ format is \"np\", transformers needs \"pt\""], ModelFolderCheck.Problems(dir));
    }

    [Fact]
    public void Problems_MissingExtraAndWrongDTypeKeys_EachListed()
    {
        var tensors = KitCheckpoint.ReadAll(Path.Combine(Kit, "model.safetensors"));
        tensors.Remove("text_projection.weight", out var removed);
        removed!.Dispose();
        tensors["text_model.embeddings.position_ids"] = torch.arange(16).unsqueeze(0);
        Replace(tensors, "logit_scale", t => t.to(ScalarType.BFloat16));
        Replace(tensors, "mit.position_embedding", t => t.reshape(4, 40));
        WriteFolder(tensors, StateDictWriter.Metadata);

        var problems = ModelFolderCheck.Problems(dir);

        // Missing, then unexpected, then per model key in state-dict order (logit_scale precedes the MIT).
        Assert.Equal(
            ["missing key: text_projection.weight", "unexpected key: text_model.embeddings.position_ids",
             "wrong dtype: logit_scale: BF16, saved models are F32",
             "mis-shaped: mit.position_embedding: [4, 40], the model has [1, 4, 40]"],
            problems);
        var e = Assert.Throws<ModelFolderLayoutException>(() => ModelFolderCheck.ThrowIfInvalid(dir));
        Assert.Contains("4 problems", e.Message);
        Assert.Contains("  missing key: text_projection.weight", e.Message);
    }

    [Fact]
    public void Problems_UnpaddedHeaderAndDataOutOfOrder_Named()
    {
        // Same tensors as the kit, but stored in reverse name order with an unpadded header, as a naive writer would.
        using var kit = SafetensorsFile.Open(Path.Combine(Kit, "model.safetensors"));
        var builder = new RawSafetensorsBuilder();
        foreach (var info in kit.Tensors.Values.OrderByDescending(t => t.Name, StringComparer.Ordinal))
            builder.Add(info.Name, info.DType.ToString(), info.Shape, kit.ReadBytes(info.Name));
        string header = builder.HeaderJson();
        // The builder's JSON is not padded; make its length odd so it cannot be a multiple of 8 by chance.
        if (header.Length % 2 == 0) header = header[..^1] + " }";
        File.Copy(Path.Combine(Kit, "config.json"), Path.Combine(dir, "config.json"));
        builder.WriteTo(Path.Combine(dir, "model.safetensors"), header);

        var problems = ModelFolderCheck.Problems(dir);

        Assert.Equal(2, problems.Count);
        Assert.Contains(problems, p => p.Contains("is not a multiple of 8"));
        Assert.Contains(problems, p => p.StartsWith("data of logit_scale is at", StringComparison.Ordinal)
                                       && p.Contains("the upstream layout puts it at [0, 4]"));
    }

    [Fact]
    public void Problems_TrailingBytesAfterTheData_Named()
    {
        File.Copy(Path.Combine(Kit, "config.json"), Path.Combine(dir, "config.json"));
        string weights = Path.Combine(dir, "model.safetensors");
        File.Copy(Path.Combine(Kit, "model.safetensors"), weights);
        using (var stream = new FileStream(weights, FileMode.Append)) stream.Write(new byte[8]);

        Assert.Equal(["the file holds 718028 data bytes after the header, the tensors need 718020"], ModelFolderCheck.Problems(dir));
    }

    [Fact]
    public void Problems_NoWeights_NamesTheFile()
    {
        File.Copy(Path.Combine(Kit, "config.json"), Path.Combine(dir, "config.json"));
        Assert.Equal(["model.safetensors is missing"], ModelFolderCheck.Problems(dir));
    }

    private static void Replace(Dictionary<string, Tensor> tensors, string name, Func<Tensor, Tensor> change)
    {
        var old = tensors[name];
        tensors[name] = change(old);
        old.Dispose();
    }

    private void WriteFolder(Dictionary<string, Tensor> tensors, IReadOnlyDictionary<string, string> metadata)
    {
        File.Copy(Path.Combine(Kit, "config.json"), Path.Combine(dir, "config.json"));
        SafetensorsWriter.Write(Path.Combine(dir, "model.safetensors"), tensors, metadata);
        KitCheckpoint.DisposeAll(tensors);
    }
}
