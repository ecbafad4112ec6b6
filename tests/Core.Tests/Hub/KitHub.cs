using System.Security.Cryptography;
using System.Text;
using VideoSearch.Core.Hub;
using VideoSearch.TestSupport;

namespace VideoSearch.Core.Tests.Hub;

/// <summary>The xclip-tiny-clipvocab reference kit published on a <see cref="FakeHubServer"/>, as a hub repository would hold it.</summary>
internal static class KitHub
{
    public const string RepoId = "test-org/xclip-tiny";

    public static readonly string MainCommit = CommitFor("main");

    /// <summary>The files the model folder is made of; the kit has no tokenizer.json, so that optional file answers 404.</summary>
    public static readonly string[] KitFiles =
        ["config.json", "model.safetensors", "preprocessor_config.json", "tokenizer_config.json", "special_tokens_map.json", "vocab.json", "merges.txt"];

    public static string KitFolder => Fixtures.Reference("xclip-tiny-clipvocab");

    public static Dictionary<string, byte[]> KitContents() =>
        KitFiles.ToDictionary(f => f, f => File.ReadAllBytes(Path.Combine(KitFolder, f)));

    public static FakeHubServer Start()
    {
        var server = new FakeHubServer(RepoId);
        server.AddCommit(MainCommit, KitContents(), "main");
        return server;
    }

    public static HubOptions Options(FakeHubServer server, TempDirectory cache, string? token = null) => new()
    {
        Endpoint = server.Endpoint,
        CacheDirectory = cache.Path,
        Token = token,
    };

    /// <summary>A deterministic 40-hex commit id, as the hub uses.</summary>
    public static string CommitFor(string seed) => Convert.ToHexStringLower(SHA1.HashData(Encoding.UTF8.GetBytes(seed)));

    public static string RepoFolder(TempDirectory cache) => Path.Combine(cache.Path, "models--test-org--xclip-tiny");
}
