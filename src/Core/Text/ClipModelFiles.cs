using System.Text.Json;
using VideoSearch.Core.Hub;

namespace VideoSearch.Core.Text;

/// <summary>
/// Reads a model folder's tokenizer files: <c>vocab.json</c> and <c>merges.txt</c> (required) and, where present,
/// <c>tokenizer_config.json</c> and <c>special_tokens_map.json</c> for the special tokens and the maximum length.
/// A missing required file is a <see cref="ModelFilesMissingException"/>; every other problem becomes a
/// <see cref="TokenizerException"/> naming the file.
/// </summary>
internal sealed class ClipModelFiles
{
    public const string VocabularyFile = "vocab.json";
    public const string MergesFile = "merges.txt";
    public const string TokenizerConfigFile = "tokenizer_config.json";
    public const string SpecialTokensMapFile = "special_tokens_map.json";

    /// <summary>The files a CLIP tokenizer cannot be built without.</summary>
    public static readonly string[] RequiredFiles = [VocabularyFile, MergesFile];

    private const string MergesHeader = "#version";
    private const int DefaultModelMaxLength = 77;
    private const string DefaultBosToken = "<|startoftext|>";
    private const string DefaultEosToken = "<|endoftext|>";

    private ClipModelFiles(string folder, Dictionary<string, int> vocabulary, List<string> merges)
    {
        Folder = folder;
        Vocabulary = vocabulary;
        Merges = merges;
    }

    public string Folder { get; }

    public Dictionary<string, int> Vocabulary { get; }

    /// <summary>The merges in rank order, each <c>"left right"</c>, without the header line.</summary>
    public List<string> Merges { get; }

    public string BosToken { get; private set; } = DefaultBosToken;

    public string EosToken { get; private set; } = DefaultEosToken;

    public string PadToken { get; private set; } = DefaultEosToken;

    public int ModelMaxLength { get; private set; } = DefaultModelMaxLength;

    public string PathOf(string file) => Path.Combine(Folder, file);

    public static ClipModelFiles Read(string folder)
    {
        ModelFilesMissingException.ThrowIfMissing(folder, RequiredFiles);

        var files = new ClipModelFiles(folder, ReadVocabulary(Path.Combine(folder, VocabularyFile)), ReadMerges(Path.Combine(folder, MergesFile)));
        // Later files override earlier ones, as in Hugging Face's loading order.
        files.ReadSettings(Path.Combine(folder, TokenizerConfigFile));
        files.ReadSettings(Path.Combine(folder, SpecialTokensMapFile));
        return files;
    }

    /// <summary>The id of a special token, which must be in the vocabulary.</summary>
    public int IdOf(string token)
    {
        if (Vocabulary.TryGetValue(token, out int id)) return id;
        throw new TokenizerException(PathOf(VocabularyFile), $"special token '{token}' is not in the vocabulary.");
    }

    private static Dictionary<string, int> ReadVocabulary(string path)
    {
        Dictionary<string, int>? vocabulary;
        try
        {
            using FileStream stream = File.OpenRead(path);
            vocabulary = JsonSerializer.Deserialize<Dictionary<string, int>>(stream);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new TokenizerException(path, $"cannot read the vocabulary ({e.Message}).", e);
        }
        catch (JsonException e)
        {
            throw new TokenizerException(path, $"not a JSON object of token → id ({e.Message}).", e);
        }

        if (vocabulary is null || vocabulary.Count == 0) throw new TokenizerException(path, "the vocabulary is empty.");
        return vocabulary;
    }

    private static List<string> ReadMerges(string path)
    {
        string[] lines;
        try
        {
            lines = File.ReadAllLines(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new TokenizerException(path, $"cannot read the merges ({e.Message}).", e);
        }

        var merges = new List<string>(lines.Length);
        for (int i = 0; i < lines.Length; i++)
        {
            string line = lines[i];
            if (line.Length == 0 || (i == 0 && line.StartsWith(MergesHeader, StringComparison.Ordinal))) continue;
            int space = line.IndexOf(' ');
            if (space <= 0 || space == line.Length - 1 || line.IndexOf(' ', space + 1) >= 0)
            {
                throw new TokenizerException(path, $"line {i + 1} is not a merge of two tokens separated by one space: '{line}'.");
            }
            merges.Add(line);
        }

        if (merges.Count == 0) throw new TokenizerException(path, "no merges.");
        return merges;
    }

    private void ReadSettings(string path)
    {
        if (!File.Exists(path)) return;
        try
        {
            using FileStream stream = File.OpenRead(path);
            using JsonDocument document = JsonDocument.Parse(stream);
            JsonElement root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object) throw new TokenizerException(path, "not a JSON object.");

            BosToken = TokenString(root, "bos_token", path) ?? BosToken;
            EosToken = TokenString(root, "eos_token", path) ?? EosToken;
            PadToken = TokenString(root, "pad_token", path) ?? PadToken;
            if (root.TryGetProperty("model_max_length", out JsonElement maxLength)) ModelMaxLength = ParseMaxLength(maxLength, path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new TokenizerException(path, $"cannot read the file ({e.Message}).", e);
        }
        catch (JsonException e)
        {
            throw new TokenizerException(path, $"malformed JSON ({e.Message}).", e);
        }
    }

    // A special token is written either as a string or as a serialised AddedToken {"content": "..."}.
    private static string? TokenString(JsonElement root, string name, string path)
    {
        if (!root.TryGetProperty(name, out JsonElement value) || value.ValueKind == JsonValueKind.Null) return null;
        if (value.ValueKind == JsonValueKind.String) return value.GetString();
        if (value.ValueKind == JsonValueKind.Object && value.TryGetProperty("content", out JsonElement content) && content.ValueKind == JsonValueKind.String)
        {
            return content.GetString();
        }
        throw new TokenizerException(path, $"'{name}' is neither a string nor an object with a string 'content'.");
    }

    private static int ParseMaxLength(JsonElement value, string path)
    {
        if (value.ValueKind == JsonValueKind.Number)
        {
            if (value.TryGetInt32(out int length) && length >= 2) return length;
            // Hugging Face writes a huge sentinel (about 1e30) for "no limit".
            if (value.TryGetDouble(out double large) && large > int.MaxValue) return int.MaxValue;
        }
        throw new TokenizerException(path, $"'model_max_length' must be an integer of at least 2, not {value.GetRawText()}.");
    }
}
