using System.CommandLine;

namespace VideoSearch.Cli;

/// <summary>Options shared by several commands, spelled the same everywhere.</summary>
internal static class CommonOptions
{
    /// <summary>The model used when none is given.</summary>
    public const string DefaultModel = "microsoft/xclip-base-patch32";

    /// <summary><c>--model &lt;folder|hub-id&gt;</c>.</summary>
    public static Option<string> Model() => new("--model", "-m")
    {
        Description = "A model folder (config.json + model.safetensors) or a Hugging Face id such as " +
                      "microsoft/xclip-base-patch32 (optionally @revision).",
        DefaultValueFactory = _ => Environment.GetEnvironmentVariable("VIDEOSEARCH_MODEL") is { Length: > 0 } m ? m : DefaultModel,
    };

    /// <summary><c>--db &lt;dir&gt;</c>: where the library (catalog, vector index) lives.</summary>
    public static Option<DirectoryInfo> Database() => new("--db")
    {
        Description = "The library folder (catalog and vector index). Default: $VIDEOSEARCH_DB, else $XDG_DATA_HOME/videosearch " +
                      "(~/.local/share/videosearch).",
        DefaultValueFactory = _ => new DirectoryInfo(DefaultDatabaseDirectory()),
    };

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
