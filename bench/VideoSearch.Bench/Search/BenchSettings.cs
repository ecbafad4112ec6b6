using VideoSearch.Core.Model;

namespace VideoSearch.Bench.Search;

/// <summary>The search benchmark's command-line settings.</summary>
internal sealed record BenchSettings(int[] Sizes, int[] Ks, int Queries, int RecallClips, int SqliteClips, bool TextOnly = false,
    XClipQueryWeights QueryWeights = XClipQueryWeights.Int8)
{
    public static BenchSettings Parse(string[] args)
    {
        var settings = new BenchSettings([10_000, 100_000], [20, 50, 100, 200], 30, 1000, 4000);
        for (int i = 0; i + 1 < args.Length; i += 2)
        {
            string value = args[i + 1];
            settings = args[i] switch
            {
                "--sizes" => settings with { Sizes = Ints(value) },
                "--ks" => settings with { Ks = Ints(value) },
                "--queries" => settings with { Queries = int.Parse(value) },
                "--recall-clips" => settings with { RecallClips = int.Parse(value) },
                "--sqlite-clips" => settings with { SqliteClips = int.Parse(value) },
                "--text-only" => settings with { TextOnly = bool.Parse(value) },
                "--query-weights" => settings with { QueryWeights = Enum.Parse<XClipQueryWeights>(value, ignoreCase: true) },
                _ => throw new ArgumentException($"Unknown search benchmark option '{args[i]}'"),
            };
        }
        return settings;
    }

    private static int[] Ints(string value) => value.Split(',').Select(int.Parse).ToArray();
}
