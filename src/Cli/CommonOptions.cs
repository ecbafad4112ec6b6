using System.CommandLine;
using VideoSearch.Web.Hosting;

namespace VideoSearch.Cli;

/// <summary>Options shared by several commands, spelled the same everywhere.</summary>
internal static class CommonOptions
{
    /// <summary>The model used when none is given.</summary>
    public const string DefaultModel = "microsoft/xclip-base-patch32";

    /// <summary><c>--model &lt;folder|hub-id&gt;</c> (see <see cref="RequestedModel"/> for what an absent one means).</summary>
    public static Option<string> Model() => new("--model", "-m")
    {
        Description = "A model folder (config.json + model.safetensors) or a Hugging Face id such as " +
                      "microsoft/xclip-base-patch32 (optionally @revision). Default: $VIDEOSEARCH_MODEL, else the library's model, else " + DefaultModel + ".",
    };

    /// <summary>
    /// The model asked for: <c>--model</c> when given, else <c>$VIDEOSEARCH_MODEL</c>, else null (the library's own
    /// model, or <see cref="DefaultModel"/> for a library that has none yet).
    /// </summary>
    public static string? RequestedModel(ParseResult parse, Option<string> model) =>
        parse.GetResult(model) is { Implicit: false } ? parse.GetValue(model)
        : Environment.GetEnvironmentVariable("VIDEOSEARCH_MODEL") is { Length: > 0 } fromEnvironment ? fromEnvironment
        : null;

    /// <summary>
    /// <c>--precision auto|bf16|fp32</c>: a short spelling of the setting <c>--Model:Precision</c>, which
    /// <see cref="Hosting.SettingOverrides.Of"/> passes on (checked there: anything else is an invalid-input error).
    /// </summary>
    public static Option<string> Precision() => new(PrecisionName)
    {
        Description = "The model's matmul precision: auto (default: bf16 where the CPU has AMX-BF16 or AVX-512 BF16, else fp32), " +
                      "bf16 or fp32. Vectors stay fp32, so a library indexed in one precision searches correctly in the other.",
    };

    /// <summary>The name of <see cref="Precision"/>.</summary>
    public const string PrecisionName = "--precision";

    /// <summary><c>--log-format plain|json</c>.</summary>
    public static Option<LogFormat> LogFormat() => new("--log-format")
    {
        Description = "Console log format: plain single lines (default) or json (one object per line).",
        DefaultValueFactory = _ => Web.Hosting.LogFormat.Plain,
    };

    /// <summary><c>--db &lt;dir&gt;</c>: where the library (catalog, vector index) lives.</summary>
    public static Option<DirectoryInfo> Database() => new("--db")
    {
        Description = "The library folder (catalog and vector index). Default: $VIDEOSEARCH_DB, else $XDG_DATA_HOME/videosearch " +
                      "(~/.local/share/videosearch).",
        DefaultValueFactory = _ => new DirectoryInfo(DefaultDatabaseDirectory()),
    };

    /// <summary>
    /// <c>--catalog &lt;connection string&gt;</c>: a PostgreSQL catalog shared by several machines instead of the SQLite file
    /// in the library folder (which then holds only this machine's vector index).
    /// </summary>
    public static Option<string?> Catalog() => new("--catalog")
    {
        Description = "A shared PostgreSQL catalog (Host=...;Database=...;Username=... or postgresql://user@host/db) instead of the " +
                      "SQLite file in --db. Default: $VIDEOSEARCH_CATALOG, else the SQLite file.",
        DefaultValueFactory = _ => Environment.GetEnvironmentVariable("VIDEOSEARCH_CATALOG") is { Length: > 0 } fromEnvironment
            ? fromEnvironment
            : null,
    };

    /// <summary>
    /// <c>--root NAME=PATH</c> (repeatable): where a shared catalog's library root is on this machine, for a node that
    /// searches without indexing (an indexer says it with its folder arguments).
    /// </summary>
    public static Option<string[]> Roots() => new("--root")
    {
        Description = "NAME=PATH: the library root NAME of a shared catalog is PATH on this machine (repeat for several). " +
                      "Needed where the media are mounted elsewhere than on the machine that added them.",
        AllowMultipleArgumentsPerToken = false,
    };

    /// <summary>The <c>--root</c> values, each of which must have the NAME=PATH form.</summary>
    /// <exception cref="ArgumentException">A value without a name.</exception>
    public static List<LibraryFolder> RootsOf(ParseResult parse, Option<string[]> roots)
    {
        var folders = (parse.GetValue(roots) ?? []).Select(LibraryFolder.Parse).ToList();
        foreach (LibraryFolder folder in folders.Where(f => f.Name is null))
            throw new ArgumentException($"--root needs NAME=PATH (the root's name in the catalog, then this machine's folder), got '{folder.Directory}'");
        return folders;
    }

    /// <summary>The default library folder, following the XDG base-directory convention.</summary>
    public static string DefaultDatabaseDirectory()
    {
        if (Environment.GetEnvironmentVariable("VIDEOSEARCH_DB") is { Length: > 0 } explicitDir) return explicitDir;
        string dataHome = Environment.GetEnvironmentVariable("XDG_DATA_HOME") is { Length: > 0 } xdg
            ? xdg
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".local", "share");
        return Path.Combine(dataHome, "videosearch");
    }
}
