namespace VideoSearch.Indexer.Pipeline;

/// <summary>
/// How the cores are split between the model (libtorch's intra-op threads) and decoding (ffmpeg's threads per
/// video) while indexing, so the two stages run side by side without more busy threads than cores.
/// </summary>
/// <remarks>
/// The rule, from <c>scripts/bench indexing</c>'s thread sweep (the README has the figures): the model gets every
/// core, because it works in bursts (one batch at a time) and a batch split over all cores finishes soonest; each
/// ffmpeg process decodes on one thread, and <see cref="IndexerOptions.ExtractionConcurrency"/> videos decode at
/// once. A decoder's frame threads would only help when the model waits for frames, and then one-thread decoders
/// of two videos use the same cores; a single video is decoded on one thread, which at 1080p H.264 already runs at
/// several times the rate the model consumes frames in fp32 (and about the rate of bf16 on AMX).
/// Explicit settings (<see cref="IndexerOptions.TorchThreads"/>, <see cref="IndexerOptions.DecodeThreads"/>) win.
/// </remarks>
/// <param name="TorchThreads">libtorch intra-op threads.</param>
/// <param name="DecodeThreads">ffmpeg threads per video being decoded.</param>
public sealed record ThreadBudget(int TorchThreads, int DecodeThreads)
{
    /// <summary>The budget for <paramref name="cores"/> cores; a setting above 0 replaces its rule.</summary>
    public static ThreadBudget For(int cores, int torchThreads = 0, int decodeThreads = 0)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(cores);
        return new ThreadBudget(torchThreads > 0 ? torchThreads : cores, decodeThreads > 0 ? decodeThreads : 1);
    }

    /// <summary>For display: "torch N threads, ffmpeg M per video".</summary>
    public override string ToString() => $"torch {TorchThreads} threads, ffmpeg {DecodeThreads} per video";
}
