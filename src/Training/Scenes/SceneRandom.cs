namespace VideoSearch.Training.Scenes;

/// <summary>
/// SplitMix64 (Steele, Lea and Flood, 2014), written out here rather than taken from <see cref="Random"/>: a scene
/// set must come out the same for the same seed on every .NET version, and <see cref="Random"/>'s seeded sequence is
/// documented as free to change between versions. It is also cheap enough to draw the per-pixel background noise of
/// every frame, and a stream can be forked per video and per frame from a few integers (<see cref="Derive"/>), so a
/// video's content does not depend on which other videos are generated or in what order.
/// </summary>
internal struct SceneRandom
{
    private ulong _state;

    /// <summary>A stream starting from <paramref name="seed"/>.</summary>
    public SceneRandom(ulong seed) => _state = seed;

    /// <summary>A stream for one part of the set (a video, a frame), mixed from a root seed and identifying integers.</summary>
    public static SceneRandom Derive(ulong seed, params ReadOnlySpan<long> parts)
    {
        ulong state = Mix(seed ^ 0x5CE7E5CE7E5CE7E5UL);
        foreach (long part in parts) state = Mix(state ^ unchecked((ulong)part * 0x9E3779B97F4A7C15UL));
        return new SceneRandom(state);
    }

    /// <summary>The next 64 random bits.</summary>
    public ulong NextUInt64()
    {
        _state = unchecked(_state + 0x9E3779B97F4A7C15UL);
        return Mix(_state);
    }

    /// <summary>A double in [0, 1) with 53 random bits.</summary>
    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    /// <summary>A double in [<paramref name="min"/>, <paramref name="max"/>).</summary>
    public double NextDouble(double min, double max) => min + (max - min) * NextDouble();

    /// <summary>An integer in [<paramref name="min"/>, <paramref name="max"/>] (both included).</summary>
    public int NextInt(int min, int max)
    {
        if (max < min) throw new ArgumentOutOfRangeException(nameof(max), max, $"The range [{min}, {max}] is empty.");
        // The modulo bias is below 2^-32 for ranges this small.
        return min + (int)(NextUInt64() % (ulong)((long)max - min + 1));
    }

    /// <summary>True with probability <paramref name="p"/>.</summary>
    public bool NextBool(double p) => NextDouble() < p;

    /// <summary>One element of <paramref name="items"/>, uniformly.</summary>
    public T Pick<T>(IReadOnlyList<T> items) => items[NextInt(0, items.Count - 1)];

    private static ulong Mix(ulong z)
    {
        z = unchecked((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL);
        z = unchecked((z ^ (z >> 27)) * 0x94D049BB133111EBUL);
        return z ^ (z >> 31);
    }
}
