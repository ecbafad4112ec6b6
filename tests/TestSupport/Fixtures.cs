namespace VideoSearch.TestSupport;

/// <summary>Locates the committed test fixtures (reference kits and media) from any test's output folder.</summary>
public static class Fixtures
{
    private static readonly Lazy<string> s_root = new(FindRoot);

    /// <summary>The <c>tests/fixtures</c> folder of this checkout.</summary>
    public static string Root => s_root.Value;

    /// <summary>The repository root.</summary>
    public static string RepositoryRoot => Path.GetFullPath(Path.Combine(Root, "..", ".."));

    /// <summary>A reference kit folder, e.g. <c>xclip-tiny</c>.</summary>
    public static string Reference(string kit) => Path.Combine(Root, "reference", kit);

    /// <summary>The test media folder (a copy of the shared media, without the two symbolic links).</summary>
    public static string Media => Path.Combine(Root, "media");

    /// <summary>The committed model trained on synthetic scenes (tests/fixtures/models/xclip-synthetic).</summary>
    public static string SyntheticModel => Path.Combine(Root, "models", "xclip-synthetic");

    /// <summary>The <c>videosearch</c> program built beside the tests (a test project references src/Cli to build it first).</summary>
    public static string CliAssembly()
    {
        string configuration = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Debug{Path.DirectorySeparatorChar}")
            ? "Debug"
            : "Release";
        string path = Path.Combine(RepositoryRoot, "src", "Cli", "bin", configuration, "net10.0", "videosearch.dll");
        if (!File.Exists(path)) throw new FileNotFoundException($"{path} is not built", path);
        return path;
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir != null; dir = dir.Parent)
        {
            string candidate = Path.Combine(dir.FullName, "tests", "fixtures");
            if (Directory.Exists(candidate)) return candidate;
        }
        throw new DirectoryNotFoundException($"tests/fixtures not found above {AppContext.BaseDirectory}");
    }
}
