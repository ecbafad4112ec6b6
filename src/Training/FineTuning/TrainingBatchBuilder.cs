using TorchSharp;
using VideoSearch.Core.Text;
using static TorchSharp.torch;

namespace VideoSearch.Training.FineTuning;

/// <summary>Turns samples into the model's inputs: captions tokenized and right-padded (as the search path tokenizes
/// queries) and frames stacked as <c>(clips, num_frames, 3, H, W)</c>. Tensors are created in the caller's dispose scope.</summary>
public sealed class TrainingBatchBuilder(ClipTokenizer tokenizer, int numFrames, int imageSize, int maxTextLength)
{
    private readonly int _clipLength = numFrames * 3 * imageSize * imageSize;

    /// <summary>Input ids (clips, L), attention mask (clips, L) and pixel values for the samples at <paramref name="indexes"/>.</summary>
    public (Tensor InputIds, Tensor AttentionMask, Tensor PixelValues) Build(IReadOnlyList<TrainingSample> samples, IReadOnlyList<int> indexes)
    {
        var captions = indexes.Select(i => samples[i].Caption).ToArray();
        TokenizedBatch tokens = tokenizer.EncodeBatch(captions, maxTextLength);
        var pixels = new float[(long)indexes.Count * _clipLength];
        for (int i = 0; i < indexes.Count; i++)
        {
            float[] clip = samples[indexes[i]].Pixels;
            if (clip.Length != _clipLength)
                throw new TrainingDataException($"A clip holds {clip.Length} values; the model takes {_clipLength} (num_frames x 3 x image_size²).");
            clip.CopyTo(pixels, (long)i * _clipLength);
        }
        return (torch.tensor(tokens.InputIds, [tokens.Rows, tokens.Columns]),
            torch.tensor(tokens.AttentionMask, [tokens.Rows, tokens.Columns]),
            torch.tensor(pixels, [indexes.Count, numFrames, 3, imageSize, imageSize]));
    }
}
