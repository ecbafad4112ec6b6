using System.Text.Json;
using VideoSearch.Core.Hub;
using VideoSearch.Core.Text;

namespace VideoSearch.Core.Tests.Text;

public sealed class ClipTokenizerFromFolderTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("clip-tokenizer-").FullName;

    public ClipTokenizerFromFolderTests()
    {
        foreach (string file in new[] { "vocab.json", "merges.txt" })
        {
            File.Copy(Path.Combine(ClipReferenceCases.ModelFolder, file), Path.Combine(_folder, file));
        }
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void FromFolder_OnlyVocabAndMerges_UsesClipDefaults()
    {
        ClipTokenizer tokenizer = ClipTokenizer.FromFolder(_folder);

        Assert.Equal((49406, 49407, 49407, 77), (tokenizer.BosTokenId, tokenizer.EosTokenId, tokenizer.PadTokenId, tokenizer.ModelMaxLength));
        Assert.Equal([49406, 320, 1125, 539, 320, 2368, 49407], tokenizer.EncodeToIds("a photo of a cat"));
    }

    [Theory]
    [InlineData("vocab.json")]
    [InlineData("merges.txt")]
    public void FromFolder_RequiredFileMissing_ThrowsModelFilesMissingNamingFile(string file)
    {
        File.Delete(Path.Combine(_folder, file));

        var error = Assert.Throws<ModelFilesMissingException>(() => ClipTokenizer.FromFolder(_folder));

        Assert.Equal(_folder, error.Folder);
        Assert.Equal([file], error.MissingFiles);
        Assert.Contains(file, error.Message);
    }

    [Fact]
    public void FromFolder_FolderMissing_ThrowsNamingFolder()
    {
        string missing = Path.Combine(_folder, "nope");

        var error = Assert.Throws<ModelFilesMissingException>(() => ClipTokenizer.FromFolder(missing));

        Assert.Equal(missing, error.Folder);
        Assert.Contains("does not exist", error.Message);
    }

    [Theory]
    [InlineData("vocab.json", "{\"a\": 1,")]
    [InlineData("vocab.json", "[1, 2, 3]")]
    [InlineData("vocab.json", "{}")]
    [InlineData("merges.txt", "#version: 0.2\na b c\n")]
    [InlineData("merges.txt", "#version: 0.2\nzzzunknown qqqunknown\n")]
    [InlineData("tokenizer_config.json", "{\"model_max_length\": \"many\"}")]
    [InlineData("tokenizer_config.json", "{\"model_max_length\": 1}")]
    [InlineData("tokenizer_config.json", "not json")]
    [InlineData("special_tokens_map.json", "{\"bos_token\": 5}")]
    public void FromFolder_MalformedFile_ThrowsNamingFile(string file, string content)
    {
        File.WriteAllText(Path.Combine(_folder, file), content);

        TokenizerException error = Assert.Throws<TokenizerException>(() => ClipTokenizer.FromFolder(_folder));

        Assert.Equal(Path.Combine(_folder, file), error.FilePath);
    }

    [Fact]
    public void FromFolder_SpecialTokenNotInVocabulary_ThrowsNamingVocabulary()
    {
        File.WriteAllText(Path.Combine(_folder, "special_tokens_map.json"), "{\"pad_token\": \"<pad>\"}");

        TokenizerException error = Assert.Throws<TokenizerException>(() => ClipTokenizer.FromFolder(_folder));

        Assert.Equal(Path.Combine(_folder, "vocab.json"), error.FilePath);
        Assert.Contains("<pad>", error.Message);
    }

    [Theory]
    [InlineData("<|startoftext|>")]
    [InlineData("<|endoftext|>")]
    public void FromFolder_VocabularyWithoutClipToken_ThrowsNamingVocabulary(string token)
    {
        string path = Path.Combine(_folder, "vocab.json");
        var vocabulary = JsonSerializer.Deserialize<Dictionary<string, int>>(File.ReadAllText(path))!;
        vocabulary.Remove(token);
        File.WriteAllText(path, JsonSerializer.Serialize(vocabulary));

        TokenizerException error = Assert.Throws<TokenizerException>(() => ClipTokenizer.FromFolder(_folder));

        Assert.Equal(path, error.FilePath);
        Assert.Contains(token, error.Message);
    }

    [Fact]
    public void FromFolder_ConfigFiles_OverrideDefaultsAndAcceptTokenObjects()
    {
        File.WriteAllText(Path.Combine(_folder, "tokenizer_config.json"), "{\"model_max_length\": 32, \"pad_token\": \"!\"}");
        File.WriteAllText(Path.Combine(_folder, "special_tokens_map.json"), "{\"pad_token\": {\"content\": \"a</w>\", \"lstrip\": false}}");

        ClipTokenizer tokenizer = ClipTokenizer.FromFolder(_folder);

        Assert.Equal(32, tokenizer.ModelMaxLength);
        Assert.Equal(320, tokenizer.PadTokenId);
    }

    [Fact]
    public void FromFolder_HugeMaxLengthSentinel_MeansNoPracticalLimit()
    {
        File.WriteAllText(Path.Combine(_folder, "tokenizer_config.json"), "{\"model_max_length\": 1000000000000000019884624838656}");

        Assert.Equal(int.MaxValue, ClipTokenizer.FromFolder(_folder).ModelMaxLength);
    }
}
