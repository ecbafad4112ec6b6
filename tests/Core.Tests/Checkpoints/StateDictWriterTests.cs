using TorchSharp;
using VideoSearch.Core.Checkpoints;
using VideoSearch.Core.Model;
using VideoSearch.TestSupport;
using static TorchSharp.torch;

namespace VideoSearch.Core.Tests.Checkpoints;

public sealed class StateDictWriterTests : IDisposable
{
    private readonly string dir = Directory.CreateTempSubdirectory("state-dict-writer-tests-").FullName;

    public void Dispose() => Directory.Delete(dir, recursive: true);

    [Theory]
    [InlineData("xclip-tiny")]
    [InlineData("xclip-tiny-clipvocab")]
    public void Write_ModelLoadedFromKit_UpstreamBytesOfTheKitFile(string kit)
    {
        string folder = Fixtures.Reference(kit);
        using var model = new XClipModel(XClipConfig.Load(Path.Combine(folder, "config.json")));
        using (var file = SafetensorsFile.Open(Path.Combine(folder, "model.safetensors"))) StateDictLoader.Load(model, file);
        string written = Path.Combine(dir, "model.safetensors");

        StateDictWriter.Write(model, written);

        byte[] expected = KitCheckpoint.UpstreamBytes(Path.Combine(folder, "model.safetensors"));
        byte[] actual = File.ReadAllBytes(written);
        Assert.True(expected.AsSpan().SequenceEqual(actual), KitCheckpoint.FirstDifference(expected, actual));
    }

    [Fact]
    public void Write_Bf16Linears_RefusesAndWritesNothing()
    {
        using var model = XClipModel.FromPretrained(Fixtures.Reference("xclip-tiny"));
        model.UsePrecision(XClipPrecision.Bf16);

        var e = Assert.Throws<InvalidOperationException>(() => StateDictWriter.Write(model, Path.Combine(dir, "model.safetensors")));

        Assert.Contains("BFloat16", e.Message);
        Assert.Contains("before converting", e.Message);
        Assert.Empty(Directory.EnumerateFileSystemEntries(dir));
    }

    [Fact]
    public void PersistentEntries_ModuleWithPositionIdsBuffer_OmitsOnlyThatBuffer()
    {
        using var module = new WithPositionIds();

        Assert.Equal(["weight", "inner.scale"], StateDictWriter.PersistentEntries(module).Select(e => e.Key));
        Assert.Contains("embeddings.position_ids", module.state_dict().Keys);
    }

    private sealed class WithPositionIds : nn.Module
    {
        private readonly TorchSharp.Modules.Parameter weight = new(torch.ones(2));
        private readonly Inner inner = new();
        private readonly Embeddings embeddings = new();

        public WithPositionIds() : base(nameof(WithPositionIds)) => RegisterComponents();
    }

    private sealed class Inner : nn.Module
    {
        private readonly TorchSharp.Modules.Parameter scale = new(torch.ones(1));

        public Inner() : base(nameof(Inner)) => RegisterComponents();
    }

    private sealed class Embeddings : nn.Module
    {
        public Embeddings() : base(nameof(Embeddings)) => register_buffer("position_ids", torch.arange(4));
    }
}
