// Hand-written Unicode NFC (UAX #15). The project runs with InvariantGlobalization, where string.Normalize
// leaves non-ASCII text as it is, and no maintained NuGet package offers NFC without ICU. The data comes from
// Unicode/nfc-table.txt (written by Unicode/make_nfc_table.py); Hangul syllables are computed.
using System.Globalization;
using System.Text;

namespace VideoSearch.Core.Text;

/// <summary>Canonical composition (Unicode normalisation form C), independent of the globalisation mode.</summary>
internal sealed class CanonicalComposition
{
    private const string TableResource = "VideoSearch.Core.Text.nfc-table.txt";

    // Hangul syllable arithmetic (Unicode §3.12).
    private const int SBase = 0xAC00, LBase = 0x1100, VBase = 0x1161, TBase = 0x11A7;
    private const int LCount = 19, VCount = 21, TCount = 28, NCount = VCount * TCount, SCount = LCount * NCount;

    // Code points below this are never changed by NFC: no combining marks, nothing composes with them.
    private const char FirstCombiningMark = '\u0300';

    private static readonly Lazy<CanonicalComposition> s_instance = new(Load);

    private readonly Dictionary<int, int[]> _decompositions;
    private readonly Dictionary<long, int> _compositions;
    private readonly Dictionary<int, byte> _combiningClasses;

    private CanonicalComposition(Dictionary<int, int[]> decompositions, Dictionary<long, int> compositions, Dictionary<int, byte> combiningClasses)
    {
        _decompositions = decompositions;
        _compositions = compositions;
        _combiningClasses = combiningClasses;
    }

    /// <summary>The shared instance; its tables are read once and only read afterwards, so it is thread-safe.</summary>
    public static CanonicalComposition Instance => s_instance.Value;

    /// <summary>Returns <paramref name="text"/> in NFC. Lone surrogates become U+FFFD.</summary>
    public string Compose(string text)
    {
        if (!text.AsSpan().ContainsAnyExceptInRange('\0', (char)(FirstCombiningMark - 1))) return text;

        var codePoints = new List<int>(text.Length + 8);
        foreach (Rune rune in text.EnumerateRunes()) Decompose(rune.Value, codePoints);
        SortCombiningMarks(codePoints);
        int length = ComposePairs(codePoints);

        var result = new StringBuilder(length + 8);
        for (int i = 0; i < length; i++) result.Append(char.ConvertFromUtf32(codePoints[i]));
        return result.ToString();
    }

    /// <summary>The canonical combining class of a code point (0 for starters).</summary>
    public int CombiningClass(int codePoint) => _combiningClasses.TryGetValue(codePoint, out byte ccc) ? ccc : 0;

    private void Decompose(int codePoint, List<int> output)
    {
        int s = codePoint - SBase;
        if (s >= 0 && s < SCount)
        {
            output.Add(LBase + s / NCount);
            output.Add(VBase + s % NCount / TCount);
            if (s % TCount != 0) output.Add(TBase + s % TCount);
            return;
        }

        if (_decompositions.TryGetValue(codePoint, out int[]? parts))
        {
            foreach (int part in parts) Decompose(part, output);
            return;
        }

        output.Add(codePoint);
    }

    // Canonical ordering: a stable insertion sort of each run of non-starters by combining class.
    private void SortCombiningMarks(List<int> codePoints)
    {
        for (int i = 1; i < codePoints.Count; i++)
        {
            int current = codePoints[i];
            int ccc = CombiningClass(current);
            if (ccc == 0) continue;
            int j = i;
            while (j > 0 && CombiningClass(codePoints[j - 1]) > ccc)
            {
                codePoints[j] = codePoints[j - 1];
                j--;
            }
            codePoints[j] = current;
        }
    }

    // Canonical composition in place; returns the new length.
    private int ComposePairs(List<int> codePoints)
    {
        if (codePoints.Count == 0) return 0;

        int starterIndex = 0;
        int starter = codePoints[0];
        // A leading non-starter has no starter to compose with: 256 blocks every later mark.
        int lastClass = CombiningClass(starter) == 0 ? 0 : 256;
        int written = 1;

        for (int read = 1; read < codePoints.Count; read++)
        {
            int current = codePoints[read];
            int ccc = CombiningClass(current);
            if ((lastClass < ccc || lastClass == 0) && TryCompose(starter, current, out int composite))
            {
                codePoints[starterIndex] = composite;
                starter = composite;
                continue;
            }

            if (ccc == 0)
            {
                starterIndex = written;
                starter = current;
            }
            lastClass = ccc;
            codePoints[written++] = current;
        }

        return written;
    }

    private bool TryCompose(int first, int second, out int composite)
    {
        int l = first - LBase, v = second - VBase;
        if (l >= 0 && l < LCount && v >= 0 && v < VCount)
        {
            composite = SBase + (l * VCount + v) * TCount;
            return true;
        }

        int s = first - SBase, t = second - TBase;
        if (s >= 0 && s < SCount && s % TCount == 0 && t > 0 && t < TCount)
        {
            composite = first + t;
            return true;
        }

        return _compositions.TryGetValue(PairKey(first, second), out composite);
    }

    private static long PairKey(int first, int second) => ((long)first << 21) | (uint)second;

    private static CanonicalComposition Load()
    {
        using Stream stream = typeof(CanonicalComposition).Assembly.GetManifestResourceStream(TableResource)
            ?? throw new InvalidOperationException($"Embedded resource {TableResource} is missing from the assembly.");
        using var reader = new StreamReader(stream, Encoding.ASCII);

        var decompositions = new Dictionary<int, int[]>(2100);
        var compositions = new Dictionary<long, int>(1000);
        var combiningClasses = new Dictionary<int, byte>(1000);
        string? line;
        while ((line = reader.ReadLine()) != null)
        {
            if (line.Length == 0 || line[0] == '#') continue;
            string[] fields = line.Split(' ');
            if (fields[0] is "=" or ">")
            {
                int codePoint = Hex(fields[1]);
                int[] parts = fields[2..].Select(Hex).ToArray();
                decompositions.Add(codePoint, parts);
                if (fields[0] == "=") compositions.Add(PairKey(parts[0], parts[1]), codePoint);
                continue;
            }

            byte ccc = byte.Parse(fields[0], CultureInfo.InvariantCulture);
            string[] range = fields[1].Split('-');
            int first = Hex(range[0]);
            int last = range.Length == 2 ? Hex(range[1]) : first;
            for (int codePoint = first; codePoint <= last; codePoint++) combiningClasses.Add(codePoint, ccc);
        }

        return new CanonicalComposition(decompositions, compositions, combiningClasses);
    }

    private static int Hex(string value) => int.Parse(value, NumberStyles.HexNumber, CultureInfo.InvariantCulture);
}
