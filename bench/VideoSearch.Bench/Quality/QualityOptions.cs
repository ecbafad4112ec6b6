namespace VideoSearch.Bench.Quality;

/// <summary>Arguments of <c>scripts/bench quality</c>: the model folder and, optionally, the rows file.</summary>
/// <param name="Model">The model folder to evaluate.</param>
/// <param name="Rows">The rows file, or null for the scene generator's test split.</param>
public sealed record QualityOptions(string Model, string? Rows)
{
    /// <summary>The trained synthetic scene model, relative to the repository root.</summary>
    public static readonly string DefaultModel = Path.Combine("tests", "fixtures", "models", "xclip-synthetic");

    /// <summary>Parses <c>[--model FOLDER] [--rows JSONL]</c>; a relative default model is taken from <paramref name="repositoryRoot"/>.</summary>
    /// <exception cref="ArgumentException">An option is unknown or lacks its value.</exception>
    public static QualityOptions Parse(IReadOnlyList<string> args, string repositoryRoot)
    {
        string model = Path.Combine(repositoryRoot, DefaultModel);
        string? rows = null;
        for (int i = 0; i < args.Count; i++)
        {
            string name = args[i];
            if (i + 1 >= args.Count) throw new ArgumentException($"option {name} needs a value");
            string value = Path.GetFullPath(args[++i]);
            switch (name)
            {
                case "--model": model = value; break;
                case "--rows": rows = value; break;
                default: throw new ArgumentException($"unknown option {name}; usage: scripts/bench quality [--model FOLDER] [--rows JSONL]");
            }
        }
        return new QualityOptions(model, rows);
    }
}
