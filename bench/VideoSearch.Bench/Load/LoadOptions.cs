using System.Globalization;

namespace VideoSearch.Bench.Load;

/// <summary>Settings of one load run: where, how many clients, how long, which queries.</summary>
public sealed record LoadOptions(Uri Url, int Clients, TimeSpan Duration, IReadOnlyList<string> Queries, int Top, string? Token)
{
    /// <summary>The queries used when none are given: everyday descriptions of the sample media.</summary>
    public static readonly IReadOnlyList<string> DefaultQueries =
    [
        "a red screen", "a ball bouncing", "colour bars", "a fractal zoom", "text on a screen", "noise",
        "a rabbit in a forest", "bottles on a table", "a person signing", "a test pattern",
    ];

    /// <summary>
    /// Parses <c>--url U [--seconds 60] [--clients 16] [--queries "a,b"] [--top 10] [--token T]</c>.
    /// </summary>
    /// <exception cref="ArgumentException">An option is unknown, lacks its value or has a bad value.</exception>
    public static LoadOptions Parse(IReadOnlyList<string> args)
    {
        Uri? url = null;
        int clients = 16, seconds = 60, top = 10;
        string? token = null;
        IReadOnlyList<string> queries = DefaultQueries;
        for (int i = 0; i < args.Count; i++)
        {
            string name = args[i];
            if (i + 1 >= args.Count) throw new ArgumentException($"option {name} needs a value");
            string value = args[++i];
            switch (name)
            {
                case "--url":
                    if (!Uri.TryCreate(value, UriKind.Absolute, out url) || (url.Scheme != "http" && url.Scheme != "https"))
                        throw new ArgumentException($"--url '{value}' is not an http(s) address");
                    break;
                case "--clients": clients = PositiveInt(name, value); break;
                case "--seconds": seconds = PositiveInt(name, value); break;
                case "--top": top = PositiveInt(name, value); break;
                case "--token": token = value; break;
                case "--queries":
                    queries = value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
                    if (queries.Count == 0) throw new ArgumentException("--queries is empty");
                    break;
                default: throw new ArgumentException($"unknown option {name}");
            }
        }
        if (url is null) throw new ArgumentException("--url is required, e.g. --url http://127.0.0.1:5080");
        return new LoadOptions(url, clients, TimeSpan.FromSeconds(seconds), queries, top, token);
    }

    private static int PositiveInt(string name, string value) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out int n) && n > 0
            ? n
            : throw new ArgumentException($"{name} '{value}' is not a positive whole number");
}
