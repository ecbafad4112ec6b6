using System.Globalization;
using System.Text;

namespace VideoSearch.Core.Media;

/// <summary>
/// The <c>select</c> expression of a one-pass decode as a balanced binary decision tree. It keeps the same frames
/// as <see cref="FfmpegFrameCommand.SelectExpression"/> (a frame is kept when some time r satisfies
/// prev_t &lt; r &lt;= t, i.e. it is the first frame at or after r), but the linear sum costs one comparison per time
/// for every decoded frame and grows to megabytes for a long plan. Here the sorted times are searched for the
/// smallest r above prev_t with nested <c>if(lt(prev_t,r_mid),...,...)</c>, so a frame costs about log2(N)
/// comparisons, and the frame is kept when that r is at or before t.
/// </summary>
internal static class SelectTree
{
    /// <summary>
    /// The expression for <paramref name="sortedTimes"/> (ascending, distinct), each written in round-trip form so
    /// ffmpeg compares against the very doubles given. prev_t (-1 for the first frame) is stored once in variable 0
    /// and read back with <c>ld(0)</c>.
    /// </summary>
    public static string Build(IReadOnlyList<double> sortedTimes)
    {
        ArgumentNullException.ThrowIfNull(sortedTimes);
        for (int i = 1; i < sortedTimes.Count; i++)
        {
            if (!(sortedTimes[i] > sortedTimes[i - 1])) throw new ArgumentException("The times must be ascending and distinct.", nameof(sortedTimes));
        }
        var text = new StringBuilder("st(0,if(isnan(prev_t),-1,prev_t));");
        Append(text, sortedTimes, 0, sortedTimes.Count);
        return text.ToString();
    }

    /// <summary>Nesting depth of the tree for <paramref name="count"/> times: the comparisons one frame costs.</summary>
    public static int Depth(int count) => count <= 0 ? 0 : (int)Math.Ceiling(Math.Log2(count + 1));

    /// <summary>
    /// Appends the subtree that decides, knowing the smallest time above prev_t has an index in [lo, hi]
    /// (hi == count: there is none), whether the frame is kept.
    /// </summary>
    private static void Append(StringBuilder text, IReadOnlyList<double> times, int lo, int hi)
    {
        if (lo == hi)
        {
            if (lo == times.Count) text.Append('0');
            else text.Append("gte(t,").Append(Text(times[lo])).Append(')');
            return;
        }
        int mid = lo + (hi - lo) / 2;
        text.Append("if(lt(ld(0),").Append(Text(times[mid])).Append("),");
        Append(text, times, lo, mid);
        text.Append(',');
        Append(text, times, mid + 1, hi);
        text.Append(')');
    }

    /// <summary>Shortest text that parses back to the same double (ffmpeg reads it with strtod).</summary>
    internal static string Text(double seconds) => seconds.ToString("R", CultureInfo.InvariantCulture);
}
