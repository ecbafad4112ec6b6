using Microsoft.ML.Tokenizers;

namespace VideoSearch.Core.Text;

/// <summary>
/// The CLIP byte-level BPE tokenizer that X-CLIP uses, giving the ids of Hugging Face's fast
/// <c>CLIPTokenizerFast</c> (what <c>XCLIPProcessor</c> loads): NFC, whitespace runs to one space, lowercase,
/// CLIP's split pattern, then BPE with the <c>&lt;/w&gt;</c> end-of-word suffix (Microsoft.ML.Tokenizers'
/// <see cref="BpeTokenizer"/>), framed by the start and end tokens. Thread-safe once created.
/// </summary>
public sealed class ClipTokenizer
{
    // Special tokens as tokenizer.json declares them: <|endoftext|> is matched in the raw text (normalized: false),
    // so only that exact spelling is special; <|startoftext|> is matched after normalisation, so any casing is.
    private const string StartOfText = "<|startoftext|>";
    private const string EndOfText = "<|endoftext|>";
    private const string EndOfWordSuffix = "</w>";
    private const int MinimumMaxLength = 2;

    private readonly BpeTokenizer _bpe;
    private readonly int _startOfTextId;
    private readonly int _endOfTextId;

    private ClipTokenizer(BpeTokenizer bpe, int startOfTextId, int endOfTextId, int bosTokenId, int eosTokenId, int padTokenId, int modelMaxLength)
    {
        _bpe = bpe;
        _startOfTextId = startOfTextId;
        _endOfTextId = endOfTextId;
        BosTokenId = bosTokenId;
        EosTokenId = eosTokenId;
        PadTokenId = padTokenId;
        ModelMaxLength = modelMaxLength;
    }

    /// <summary>Id of the start token put before every text (49406 for CLIP).</summary>
    public int BosTokenId { get; }

    /// <summary>Id of the end token put after every text (49407 for CLIP).</summary>
    public int EosTokenId { get; }

    /// <summary>Id that pads short texts in a batch (49407 for CLIP).</summary>
    public int PadTokenId { get; }

    /// <summary>The longest sequence the text model takes, start and end tokens included (77 for CLIP).</summary>
    public int ModelMaxLength { get; }

    /// <summary>
    /// Loads the tokenizer from a model folder: <c>vocab.json</c> and <c>merges.txt</c>, and where present
    /// <c>tokenizer_config.json</c> / <c>special_tokens_map.json</c> (defaults: maximum length 77, start token
    /// <c>&lt;|startoftext|&gt;</c>, end and pad token <c>&lt;|endoftext|&gt;</c>).
    /// </summary>
    /// <param name="modelFolder">The folder holding the tokenizer files.</param>
    /// <exception cref="VideoSearch.Core.Hub.ModelFilesMissingException">vocab.json or merges.txt is missing.</exception>
    /// <exception cref="TokenizerException">A file is malformed; the message names it.</exception>
    public static ClipTokenizer FromFolder(string modelFolder)
    {
        ArgumentNullException.ThrowIfNull(modelFolder);
        ClipModelFiles files = ClipModelFiles.Read(modelFolder);
        // Looked up before the BPE is built so that a vocabulary without them is reported as such.
        int startOfTextId = files.IdOf(StartOfText);
        int endOfTextId = files.IdOf(EndOfText);

        var options = new BpeOptions(files.Vocabulary)
        {
            Merges = files.Merges,
            ByteLevel = true,
            EndOfWordSuffix = EndOfWordSuffix,
            UnknownToken = EndOfText,
            PreTokenizer = ClipPreTokenizer.Instance,
        };

        BpeTokenizer bpe;
        try
        {
            bpe = BpeTokenizer.Create(options);
        }
        catch (InvalidOperationException e)
        {
            // The library checks that every merge and its result are in the vocabulary.
            throw new TokenizerException(files.PathOf(ClipModelFiles.MergesFile), $"does not match {ClipModelFiles.VocabularyFile}: {e.Message}", e);
        }

        return new ClipTokenizer(
            bpe,
            startOfTextId,
            endOfTextId,
            files.IdOf(files.BosToken),
            files.IdOf(files.EosToken),
            files.IdOf(files.PadToken),
            files.ModelMaxLength);
    }

    /// <summary>The ids of <paramref name="text"/>, start and end tokens included, without truncation.</summary>
    /// <param name="text">Any text; empty or whitespace-only text gives just the start and end tokens.</param>
    public IReadOnlyList<int> EncodeToIds(string text)
    {
        ArgumentNullException.ThrowIfNull(text);

        var ids = new List<int>(text.Length / 2 + 2) { BosTokenId };
        int start = 0;
        while (true)
        {
            int special = text.IndexOf(EndOfText, start, StringComparison.Ordinal);
            int end = special < 0 ? text.Length : special;
            AppendNormalized(text[start..end], ids);
            if (special < 0) break;
            ids.Add(_endOfTextId);
            start = special + EndOfText.Length;
        }
        ids.Add(EosTokenId);
        return ids;
    }

    /// <summary>
    /// The ids of <paramref name="text"/>, cut to <paramref name="maxLength"/> if longer: the start token, the first
    /// content ids, and the end token kept last (as <c>truncation=True</c> does).
    /// </summary>
    /// <param name="text">Any text.</param>
    /// <param name="maxLength">The most ids to return (at least 2), or <see langword="null"/> for no limit.</param>
    public TokenizedText Encode(string text, int? maxLength)
    {
        if (maxLength < MinimumMaxLength) throw new ArgumentOutOfRangeException(nameof(maxLength), maxLength, $"must be at least {MinimumMaxLength} (start and end tokens).");

        IReadOnlyList<int> ids = EncodeToIds(text);
        if (maxLength is not { } limit || ids.Count <= limit) return new TokenizedText(ids, ids.Count, WasTruncated: false);

        var truncated = new int[limit];
        for (int i = 0; i < limit - 1; i++) truncated[i] = ids[i];
        truncated[limit - 1] = EosTokenId;
        return new TokenizedText(truncated, ids.Count, WasTruncated: true);
    }

    /// <summary>
    /// Tokenizes several texts, each truncated to <paramref name="maxLength"/>, and right-pads them to the longest
    /// with <see cref="PadTokenId"/> (attention mask 0 there), as <c>padding=True</c> does.
    /// </summary>
    /// <param name="texts">One or more texts.</param>
    /// <param name="maxLength">The most ids per text (at least 2), or <see langword="null"/> for no limit.</param>
    public TokenizedBatch EncodeBatch(IReadOnlyList<string> texts, int? maxLength = 77)
    {
        ArgumentNullException.ThrowIfNull(texts);
        if (texts.Count == 0) throw new ArgumentException("At least one text is needed.", nameof(texts));

        var rows = new TokenizedText[texts.Count];
        for (int i = 0; i < texts.Count; i++)
        {
            string text = texts[i] ?? throw new ArgumentException($"Text {i} is null.", nameof(texts));
            rows[i] = Encode(text, maxLength);
        }

        int columns = rows.Max(row => row.Ids.Count);
        var inputIds = new long[rows.Length * columns];
        var attentionMask = new long[rows.Length * columns];
        var wasTruncated = new bool[rows.Length];
        for (int r = 0; r < rows.Length; r++)
        {
            IReadOnlyList<int> ids = rows[r].Ids;
            int offset = r * columns;
            for (int c = 0; c < columns; c++)
            {
                bool real = c < ids.Count;
                inputIds[offset + c] = real ? ids[c] : PadTokenId;
                attentionMask[offset + c] = real ? 1 : 0;
            }
            wasTruncated[r] = rows[r].WasTruncated;
        }

        return new TokenizedBatch(inputIds, attentionMask, rows.Length, columns, wasTruncated);
    }

    // One stretch of raw text between <|endoftext|> tokens: normalise, then <|startoftext|> splits it further.
    private void AppendNormalized(string rawText, List<int> ids)
    {
        string text = ClipTextNormalizer.Normalize(rawText);
        int start = 0;
        while (true)
        {
            int special = text.IndexOf(StartOfText, start, StringComparison.Ordinal);
            int end = special < 0 ? text.Length : special;
            if (end > start) ids.AddRange(_bpe.EncodeToIds(text[start..end], considerPreTokenization: true, considerNormalization: false));
            if (special < 0) return;
            ids.Add(_startOfTextId);
            start = special + StartOfText.Length;
        }
    }
}
