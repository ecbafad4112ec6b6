using System.Text.Json;
using TorchSharp;
using VideoSearch.Core.Checkpoints;
using VideoSearch.Core.Tests.Checkpoints;
using VideoSearch.Core.Model;
using VideoSearch.TestSupport;
using static TorchSharp.torch;

namespace VideoSearch.Core.Tests.Model;

/// <summary>A reference kit (tests/fixtures/reference/xclip-tiny*): the model, its expected tensors and per-tensor tolerances.</summary>
internal sealed class ReferenceKit
{
    private static readonly Dictionary<string, ReferenceKit> s_kits = new();
    private static readonly object s_lock = new();

    private ReferenceKit(string name)
    {
        Folder = Fixtures.Reference(name);
        Model = XClipModel.FromPretrained(Folder);
        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(Folder, "cases.json")));
        Rtol = doc.RootElement.GetProperty("rtol").GetDouble();
        foreach (var c in doc.RootElement.GetProperty("cases").EnumerateArray())
        {
            var tensors = new Dictionary<string, double?>();
            foreach (var t in c.GetProperty("tensors").EnumerateObject())
                tensors[t.Name] = t.Value.TryGetProperty("atol", out var atol) ? atol.GetDouble() : null;
            Cases[c.GetProperty("name").GetString()!] = tensors;
        }
    }

    public string Folder { get; }

    public XClipModel Model { get; }

    public double Rtol { get; }

    /// <summary>case -> tensor name -> atol (null for inputs).</summary>
    public Dictionary<string, Dictionary<string, double?>> Cases { get; } = new();

    public static ReferenceKit Get(string name)
    {
        lock (s_lock)
        {
            if (!s_kits.TryGetValue(name, out var kit)) s_kits[name] = kit = new ReferenceKit(name);
            return kit;
        }
    }

    public Tensor Read(string caseName, string tensor)
    {
        using var file = SafetensorsFile.Open(Path.Combine(Folder, "expected.safetensors"));
        return file.ReadTensor($"{caseName}/{tensor}");
    }

    /// <summary>Largest |actual - expected| and whether every element satisfies |a - e| &lt;= atol + rtol*|e|.</summary>
    public (double MaxDiff, bool Within) Compare(Tensor actual, Tensor expected, double atol)
    {
        Assert.Equal(expected.shape, actual.shape);
        using var a = actual.to(ScalarType.Float64);
        using var e = expected.to(ScalarType.Float64);
        using var diff = (a - e).abs();
        using var bound = e.abs() * Rtol + atol;
        double max = diff.max().item<double>();
        bool within = diff.le(bound).all().item<bool>();
        return (max, within);
    }
}
