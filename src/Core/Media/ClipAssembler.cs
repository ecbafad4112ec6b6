namespace VideoSearch.Core.Media;

/// <summary>
/// Turns the frames of a one-pass decode, arriving in time order, into the plan's clips, in plan order, and holds
/// only the frames a clip not yet handed out still needs. Each selected frame answers every requested time in
/// (previous selected frame, its own time], i.e. it is the first frame at or after those times, and one array is
/// shared by every clip that uses that time. When a clip is handed out, each of its times loses a user; a time
/// with no user left drops its frame. With windows in ascending order (the plan's), what is held at any moment is
/// therefore the frames of the clips that overlap the current position, whatever the length of the file.
/// </summary>
internal sealed class ClipAssembler
{
    private readonly IReadOnlyList<Clip> _clips;
    private readonly int[][] _timeIndex;
    private readonly int[] _lastIndex;
    private readonly double[] _times;
    private readonly byte[]?[] _answers;
    private readonly int[] _users;
    private readonly Dictionary<byte[], int> _held = new(ReferenceEqualityComparer.Instance);
    private readonly int _width;
    private readonly int _height;
    private int _answered;
    private int _next;

    /// <summary>
    /// <paramref name="times"/>: the distinct requested times, ascending; <paramref name="timeIndex"/>: for each
    /// clip, for each of its frames, the index of its time in <paramref name="times"/>.
    /// </summary>
    public ClipAssembler(IReadOnlyList<Clip> clips, double[] times, int[][] timeIndex, int width, int height)
    {
        _clips = clips;
        _times = times;
        _timeIndex = timeIndex;
        _width = width;
        _height = height;
        _answers = new byte[]?[times.Length];
        _users = new int[times.Length];
        _lastIndex = new int[clips.Count];
        for (int c = 0; c < clips.Count; c++)
        {
            foreach (int j in timeIndex[c].Distinct()) _users[j]++;
            _lastIndex[c] = timeIndex[c].Length == 0 ? -1 : timeIndex[c].Max();
        }
    }

    /// <summary>Distinct frame arrays held now.</summary>
    public int LiveFrames => _held.Count;

    /// <summary>The most distinct frame arrays held at once.</summary>
    public int PeakLiveFrames { get; private set; }

    /// <summary>Clips handed out so far; the rest, from this index on, are still pending.</summary>
    public int HandedOut => _next;

    /// <summary>
    /// Takes the next selected frame: its time (relative, as ffmpeg's select saw it; null when it had none, which
    /// answers nothing) and its pixels.
    /// </summary>
    public void Add(double? seconds, byte[] picture)
    {
        if (seconds is not { } t) return;
        while (_answered < _times.Length && _times[_answered] <= t)
        {
            if (_users[_answered] > 0) Hold(_answered, picture);
            _answered++;
        }
    }

    /// <summary>The next clip in plan order once all its frames have arrived.</summary>
    public bool TryTakeNext(out ExtractedClip clip)
    {
        clip = null!;
        if (_next >= _clips.Count || _lastIndex[_next] >= _answered) return false;
        Clip planned = _clips[_next];
        int[] indices = _timeIndex[_next];
        var frames = new RgbFrame[indices.Length];
        for (int i = 0; i < frames.Length; i++)
        {
            frames[i] = new RgbFrame(_width, _height, _answers[indices[i]]!, planned.FrameTimestamps[i]);
        }
        foreach (int j in indices.Distinct())
        {
            if (--_users[j] == 0) Release(j);
        }
        _next++;
        clip = new ExtractedClip(planned, frames);
        return true;
    }

    private void Hold(int index, byte[] picture)
    {
        _answers[index] = picture;
        _held[picture] = _held.GetValueOrDefault(picture) + 1;
        PeakLiveFrames = Math.Max(PeakLiveFrames, _held.Count);
    }

    private void Release(int index)
    {
        byte[] picture = _answers[index]!;
        _answers[index] = null;
        if (--_held[picture] == 0) _held.Remove(picture);
    }
}
