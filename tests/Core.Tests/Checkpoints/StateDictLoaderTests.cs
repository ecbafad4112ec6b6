using VideoSearch.Core.Checkpoints;
using VideoSearch.Core.Hub;
using VideoSearch.Core.Model;
using VideoSearch.TestSupport;
using static TorchSharp.torch;

namespace VideoSearch.Core.Tests.Checkpoints;

public sealed class StateDictLoaderTests : IDisposable
{
    private readonly string dir = Directory.CreateTempSubdirectory("state-dict-tests-").FullName;
    private static string TinyKit => Fixtures.Reference("xclip-tiny");

    public void Dispose() => Directory.Delete(dir, recursive: true);

    [Fact]
    public void Load_CheckpointWithMissingExtraAndMisshapedKeys_ListsEveryOne()
    {
        using var model = new XClipModel(XClipConfig.Load(Path.Combine(TinyKit, "config.json")));
        var writer = new RawSafetensorsBuilder();
        foreach (var (name, tensor) in model.state_dict())
        {
            if (name == "text_projection.weight" || name == "mit.position_embedding") continue; // missing
            var shape = name == "logit_scale" ? new long[] { 1 } : tensor.shape; // mis-shaped
            writer.AddFloats(name, shape, new float[shape.Aggregate(1L, (a, b) => a * b)]);
        }
        writer.AddFloats("clip_extra.weight", [2], [1, 2]); // unexpected
        string path = writer.WriteTo(Path.Combine(dir, "broken.safetensors"));
        using var file = SafetensorsFile.Open(path);

        var e = Assert.Throws<CheckpointMismatchException>(() => StateDictLoader.Load(model, file));

        Assert.Equal(["text_projection.weight", "mit.position_embedding"], e.Missing.Order().Reverse());
        Assert.Equal(["clip_extra.weight"], e.Unexpected);
        Assert.Single(e.Mismatched);
        Assert.Contains("mis-shaped: logit_scale: checkpoint [1] vs model []", e.Message);
        Assert.Empty(e.WrongDType);
        Assert.Contains("missing: mit.position_embedding", e.Message);
        Assert.Contains("unexpected: clip_extra.weight", e.Message);
    }

    [Fact]
    public void Load_IntegerTensorOfTheRightShape_ReportsTheDTypeNotAShape()
    {
        using var model = new XClipModel(XClipConfig.Load(Path.Combine(TinyKit, "config.json")));
        using var file = CheckpointWithLogitScale(model, "I32", [], BitConverter.GetBytes(3));

        var e = Assert.Throws<CheckpointMismatchException>(() => StateDictLoader.Load(model, file));

        Assert.Empty(e.Mismatched);
        Assert.Equal(["logit_scale: dtype I32, the model needs a float (F32, F16 or BF16)"], e.WrongDType);
        Assert.Contains("wrong dtype: logit_scale: dtype I32", e.Message);
        Assert.DoesNotContain("mis-shaped:", e.Message);
    }

    [Fact]
    public void Load_IntegerTensorOfTheWrongShape_ReportsBothDifferencesSeparately()
    {
        using var model = new XClipModel(XClipConfig.Load(Path.Combine(TinyKit, "config.json")));
        using var file = CheckpointWithLogitScale(model, "I64", [2], new byte[16]);

        var e = Assert.Throws<CheckpointMismatchException>(() => StateDictLoader.Load(model, file));

        Assert.Equal(["logit_scale: checkpoint [2] vs model []"], e.Mismatched);
        Assert.Equal(["logit_scale: dtype I64, the model needs a float (F32, F16 or BF16)"], e.WrongDType);
    }

    /// <summary>A checkpoint with every key of <paramref name="model"/> as zero floats, except logit_scale stored as given.</summary>
    private SafetensorsFile CheckpointWithLogitScale(XClipModel model, string dtype, long[] shape, byte[] data)
    {
        var writer = new RawSafetensorsBuilder();
        foreach (var (name, tensor) in model.state_dict())
        {
            if (name == "logit_scale") writer.Add(name, dtype, shape, data);
            else writer.AddFloats(name, tensor.shape, new float[tensor.numel()]);
        }
        return SafetensorsFile.Open(writer.WriteTo(Path.Combine(dir, $"logit-scale-{dtype}.safetensors")));
    }

    [Fact]
    public void Load_PositionIdsAndFloat16_IgnoredAndConverted()
    {
        using var reference = SafetensorsFile.Open(Path.Combine(TinyKit, "model.safetensors"));
        var writer = new RawSafetensorsBuilder();
        foreach (var name in reference.Tensors.Keys)
        {
            using var t = reference.ReadTensor(name);
            using var half = t.to(ScalarType.Float16).contiguous();
            writer.Add(name, "F16", t.shape, half.bytes.ToArray());
        }
        writer.Add("text_model.embeddings.position_ids", "I64", [1, 16], new byte[16 * 8]);
        string path = writer.WriteTo(Path.Combine(dir, "half.safetensors"));
        using var model = new XClipModel(XClipConfig.Load(Path.Combine(TinyKit, "config.json")));

        using (var file = SafetensorsFile.Open(path)) StateDictLoader.Load(model, file);

        using var expected = reference.ReadTensor("visual_projection.weight").to(ScalarType.Float16).to(ScalarType.Float32);
        var actual = model.state_dict()["visual_projection.weight"];
        Assert.Equal(ScalarType.Float32, actual.dtype);
        Assert.True(actual.eq(expected).all().item<bool>());
    }

    [Fact]
    public void FromPretrained_ClipConfig_ThrowsConfigException()
    {
        File.WriteAllText(Path.Combine(dir, "config.json"), """{"model_type": "clip", "projection_dim": 512}""");
        File.Copy(Path.Combine(TinyKit, "model.safetensors"), Path.Combine(dir, "model.safetensors"));

        var e = Assert.Throws<XClipConfigException>(() => XClipModel.FromPretrained(dir));

        Assert.Contains("model_type 'clip'", e.Message);
    }

    [Fact]
    public void FromPretrained_RandomSafetensors_ThrowsMismatchListingKeys()
    {
        File.Copy(Path.Combine(TinyKit, "config.json"), Path.Combine(dir, "config.json"));
        new RawSafetensorsBuilder().AddFloats("weight", [3], [1, 2, 3]).WriteTo(Path.Combine(dir, "model.safetensors"));

        var e = Assert.Throws<CheckpointMismatchException>(() => XClipModel.FromPretrained(dir));

        Assert.Equal(151, e.Missing.Count);
        Assert.Equal(["weight"], e.Unexpected);
    }

    [Fact]
    public void FromPretrained_NoWeightsFile_ThrowsModelFilesMissing()
    {
        File.Copy(Path.Combine(TinyKit, "config.json"), Path.Combine(dir, "config.json"));

        var e = Assert.Throws<ModelFilesMissingException>(() => XClipModel.FromPretrained(dir));

        Assert.Equal(["model.safetensors"], e.MissingFiles);
    }

    [Fact]
    public void FromPretrained_GarbageWeightsFile_ThrowsFormatException()
    {
        File.Copy(Path.Combine(TinyKit, "config.json"), Path.Combine(dir, "config.json"));
        File.WriteAllText(Path.Combine(dir, "model.safetensors"), "this is not a safetensors file at all");

        Assert.Throws<SafetensorsFormatException>(() => XClipModel.FromPretrained(dir));
    }
}
