using VideoSearch.Core.Preprocessing;
using VideoSearch.Core.Text;

namespace VideoSearch.Core.Processing;

/// <summary>What <see cref="XClipProcessor"/> returns: the model's three inputs, as <c>XCLIPProcessor</c> returns them.</summary>
/// <param name="Text"><c>input_ids</c> and <c>attention_mask</c> (padded to the longest text), or null when no texts were given.</param>
/// <param name="PixelValues"><c>pixel_values</c> <c>[videos, frames, 3, H, W]</c>, or null when no videos were given.</param>
public sealed record XClipInputs(TokenizedBatch? Text, PixelValues? PixelValues);
