using Microsoft.Extensions.DependencyInjection;
using VideoSearch.Core.Library;
using System.Text.Json;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using VideoSearch.Core.Catalog;
using VideoSearch.Indexer.Progress;
using VideoSearch.Indexer.Verification;
using VideoSearch.TestSupport;

namespace VideoSearch.Indexer.Tests;

/// <summary>A temporary copy of (part of) the test media with its own library folder, indexed in process.</summary>
internal sealed class TestLibrary : IDisposable
{
    /// <summary>Short, good files of several containers: enough to index in seconds.</summary>
    public static readonly string[] SmallGoodFiles =
    [
        "-starts-with-dash.mp4", "avi_mjpeg_pcm_320x240.avi", "mov_prores_pcm_320x240.mov", "no_audio_320x240.mp4",
        "rotated_phone_270.mp4", "webm_vp9_opus_320x240.webm", "nested/level1/level2/deep.mp4", "three_frames_320x240.mp4",
    ];

    private TestLibrary(string directory)
    {
        Directory = directory;
        Root = Path.Combine(directory, "media");
        Database = Path.Combine(directory, "db");
    }

    public string Directory { get; }

    public string Root { get; }

    public string Database { get; }

    public static string Model => Fixtures.Reference("xclip-tiny-clipvocab");

    /// <summary>Copies the named media files (all of them when null), optionally with the two test links.</summary>
    public static TestLibrary Create(IEnumerable<string>? files = null, bool withLinks = false)
    {
        var library = new TestLibrary(Path.Combine(Path.GetTempPath(), "vs-indexer-" + Guid.NewGuid().ToString("N")));
        var source = new DirectoryInfo(Fixtures.Media);
        IEnumerable<string> names = files ?? source.EnumerateFiles("*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(source.FullName, f.FullName));
        foreach (string name in names)
        {
            string target = Path.Combine(library.Root, name);
            System.IO.Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(Path.Combine(source.FullName, name), target);
        }
        if (withLinks)
        {
            System.IO.Directory.CreateDirectory(Path.Combine(library.Root, "nested", "level1"));
            System.IO.Directory.CreateSymbolicLink(Path.Combine(library.Root, "nested", "level1", "loop_to_parent"), "..");
            File.CreateSymbolicLink(Path.Combine(library.Root, "nested", "outside_root.mp4"), "/etc/hostname");
        }
        return library;
    }

    /// <summary>The manifest's expectation per relative path: ("index" | "skip" | "ignore", error kind).</summary>
    public static Dictionary<string, (string Expect, string? ErrorKind)> Manifest()
    {
        using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(Fixtures.Media, "manifest.json")));
        return document.RootElement.GetProperty("files").EnumerateObject().ToDictionary(
            p => p.Name,
            p => (p.Value.GetProperty("expect").GetString()!,
                p.Value.TryGetProperty("error_kind", out var kind) ? kind.GetString() : null));
    }

    public string PathOf(string relative) => Path.Combine(Root, relative);

    /// <summary>Runs one indexing pass in process and returns its summary.</summary>
    public async Task<IndexingSummary> IndexAsync(string? model = null, Action<IndexerOptions>? configure = null)
    {
        var options = new IndexerOptions
        {
            Roots = [Root],
            DatabaseDirectory = Database,
            BatchSize = 4,
        };
        configure?.Invoke(options);
        Assert.Empty(options.Problems());
        // Composed as the index command composes it: the library's parts, then the indexer's.
        using var catalog = await VideoCatalog.OpenAsync(Database);
        var services = new ServiceCollection();
        services.AddSingleton<Microsoft.Extensions.Configuration.IConfiguration>(new Microsoft.Extensions.Configuration.ConfigurationBuilder().Build());
        services.AddLogging();
        services.AddVideoSearchLibrary(catalog, m =>
        {
            m.Model = model ?? Model;
            m.AllowModelChange = true;
        });
        services.AddVideoSearchIndexer(o =>
        {
            o.Roots = options.Roots;
            o.DatabaseDirectory = options.DatabaseDirectory;
            o.BatchSize = options.BatchSize;
            o.WindowSeconds = options.WindowSeconds;
            o.StrideSeconds = options.StrideSeconds;
            o.ExtractionConcurrency = options.ExtractionConcurrency;
            o.Extensions = options.Extensions;
        });
        await using (var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true }))
        {
            provider.GetRequiredService<LibraryVectorIndex>().Writable = true;
            await provider.GetRequiredService<IndexingService>().RunAsync(CancellationToken.None);
            return provider.GetRequiredService<IndexingProgress>().LastPass!;
        }
    }

    public Task<VerificationReport> VerifyAsync() => LibraryVerifier.VerifyAsync(Database);

    /// <summary>Each video's clips as (index, start, end), by path relative to the root.</summary>
    public async Task<Dictionary<string, List<(int Index, double Start, double End)>>> ClipsByVideoAsync()
    {
        using var catalog = await VideoCatalog.OpenAsync(Database);
        var ids = new List<long>();
        await foreach (ClipEmbedding clip in catalog.Clips.StreamEmbeddingsAsync()) ids.Add(clip.ClipId);
        IReadOnlyList<ClipContext> clips = (await catalog.Clips.GetContextsAsync(ids)).Clips;
        return clips.GroupBy(c => Path.GetRelativePath(Root, c.VideoPath)).ToDictionary(
            g => g.Key, g => g.Select(c => (c.ClipIndex, c.StartSeconds, c.EndSeconds)).OrderBy(c => c.ClipIndex).ToList());
    }

    /// <summary>The catalog's record of a video, by path relative to the root.</summary>
    public async Task<VideoRecord?> VideoAsync(string relative)
    {
        using var catalog = await VideoCatalog.OpenAsync(Database);
        return await catalog.Videos.GetByPathAsync(PathOf(relative));
    }

    /// <summary>Every video under the root as recorded in the catalog.</summary>
    public async Task<List<VideoRecord>> VideosAsync()
    {
        using var catalog = await VideoCatalog.OpenAsync(Database);
        var records = new List<VideoRecord>();
        foreach (LibraryRoot root in await catalog.Roots.ListAsync())
            foreach (VideoFileState state in await catalog.Videos.ListUnderRootAsync(root.Id))
                records.Add((await catalog.Videos.GetAsync(state.Id))!);
        return records;
    }

    public void Dispose()
    {
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
            // a process killed by the crash test may still be letting go of a file; the temp folder is cleaned later
        }
    }
}
