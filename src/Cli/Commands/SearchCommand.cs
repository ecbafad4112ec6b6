using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using VideoSearch.Cli.Hosting;
using VideoSearch.Core.Catalog;
using VideoSearch.Core.Hub;
using VideoSearch.Core.Inference;
using VideoSearch.Core.Library;
using VideoSearch.Search;
using VideoSearch.Search.Contracts;
using VideoSearch.Search.Examples;
using VideoSearch.Search.Labels;
using VideoSearch.Web.Hosting;

namespace VideoSearch.Cli.Commands;

/// <summary><c>videosearch search "&lt;query&gt;"</c>: the best matching videos and moments, as a table or JSON.</summary>
internal static class SearchCommand
{
    private static readonly JsonSerializerOptions s_json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    /// <summary>Builds the command.</summary>
    public static Command Create()
    {
        var query = new Argument<string?>("query") { Description = "What you remember seeing, in words.", Arity = ArgumentArity.ZeroOrOne };
        var database = CommonOptions.Database();
        var catalogOption = CommonOptions.Catalog();
        var roots = CommonOptions.Roots();
        var model = CommonOptions.Model();
        model.Description = "The model to search with; it must be the one the library was indexed with (the default).";
        var top = new Option<int?>("--top", "-n") { Description = "How many videos to show (default 10; at most Search:MaxTop)." };
        var json = new Option<bool>("--json") { Description = "Print the results as JSON." };
        var example = new Option<FileInfo?>("--example")
        {
            Description = "Search by example: videos that look like this video file or still image (JPEG, PNG, WebP), instead of a text query.",
        };
        var labels = new Option<string?>("--labels")
        {
            Description = "Zero-shot labels, comma-separated: the probability of each label is shown for every result video.",
        };
        var noRerank = new Option<bool>("--no-rerank")
        {
            Description = "Rank a text query's candidates by the vector index's cosine alone, without X-CLIP re-ranking " +
                          "(faster, coarser; shows what re-ranking adds).",
        };
        var command = SettingOverrides.Allow(new Command("search", "Search the indexed videos by text, or by an example video.")
        {
            query, database, catalogOption, roots, model, CommonOptions.Precision(), top, json, example, labels, noRerank,
        });
        command.SetAction((parse, cancellationToken) => CliErrors.RunAsync(() => RunAsync(new SearchArguments(
            parse.GetValue(query), parse.GetValue(example), parse.GetValue(database)!.FullName, parse.GetValue(catalogOption),
            CommonOptions.RootsOf(parse, roots), CommonOptions.RequestedModel(parse, model),
            parse.GetValue(top), parse.GetValue(json), LabelList(parse.GetValue(labels)), !parse.GetValue(noRerank), SettingOverrides.Of(parse)),
            parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error, cancellationToken), parse.InvocationConfiguration.Error));
        return command;
    }

    private sealed record SearchArguments(string? Query, FileInfo? Example, string Database, string? Catalog, List<LibraryFolder> Roots, string? Model, int? Top, bool Json,
        IReadOnlyList<string>? Labels, bool Rerank, string[] Settings);

    private static async Task<int> RunAsync(SearchArguments a, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        if (a.Example is null && string.IsNullOrWhiteSpace(a.Query))
        {
            await error.WriteLineAsync("error: the query is empty; type what you remember seeing, e.g. videosearch search \"a dog on a beach\", " +
                                       "or give --example VIDEO.");
            return ExitCodes.Usage;
        }
        if (a.Example is not null && !string.IsNullOrWhiteSpace(a.Query))
        {
            await error.WriteLineAsync("error: give either a text query or --example, not both.");
            return ExitCodes.Usage;
        }
        if (a.Example is not null && !a.Rerank)
        {
            await error.WriteLineAsync("error: --no-rerank applies to text queries; a search by example is always ranked by embedding cosine.");
            return ExitCodes.Usage;
        }
        if (a.Labels is { Count: < 2 })
        {
            await error.WriteLineAsync("error: --labels needs at least two comma-separated labels.");
            return ExitCodes.Usage;
        }
        if (a.Example is { Exists: false })
            throw new FileNotFoundException($"No such file: {a.Example.FullName}", a.Example.FullName);
        string directory = Path.GetFullPath(a.Database);
        // Checked first because opening a catalog creates a missing one.
        if (a.Catalog is null && !File.Exists(Path.Combine(directory, SqliteCatalogDatabase.FileName)))
            throw new LibraryNotFoundException(directory,
                $"No library at '{directory}' (no {SqliteCatalogDatabase.FileName}): run 'videosearch index' first or pass --db.");
        using VideoCatalog catalog = await VideoCatalog.OpenAsync(directory, a.Catalog, cancellationToken);
        await LibraryFolder.RegisterAsync(a.Roots, catalog, mapOnly: true, cancellationToken);
        if (await catalog.Clips.CountAsync(cancellationToken) == 0)
            throw new LibraryNotFoundException(directory, $"The library at '{directory}' is empty (no indexed clips yet): run 'videosearch index' first.");

        var builder = CliHost.CreateBuilder(a.Settings, LogFormat.Plain, LogLevel.Warning);
        builder.Services.AddVideoSearchLibrary(catalog, m =>
        {
            m.Model = a.Model ?? m.Model;
            m.AllowModelChange = false;
        });
        builder.Services.AddSingleton<IProgress<DownloadProgress>>(ConsoleDownloadProgress.ForStandardError());
        builder.Services.AddVideoSearchSearch();
        using IHost host = builder.Build();
        await host.StartAsync(cancellationToken);
        var search = host.Services.GetRequiredService<SearchService>();
        int top = a.Top ?? Math.Min(10, host.Services.GetRequiredService<IOptions<SearchOptions>>().Value.MaxTop);
        SearchResponse response = a.Example is { } file
            ? await search.SearchSimilarAsync(
                await host.Services.GetRequiredService<VideoExampleEncoder>().EncodeAsync(file.FullName, cancellationToken),
                top, null, cancellationToken)
            : await search.SearchAsync(new SearchRequest(a.Query!, top, Rerank: a.Rerank), cancellationToken);
        if (response.QueryTruncated)
            await error.WriteLineAsync($"warning: the query is longer than the {host.Services.GetRequiredService<ModelHandle>().Current?.Inference.MaxTextLength} " +
                                       "tokens the text model reads; only its beginning was searched.");
        var labelled = new Dictionary<long, IReadOnlyList<LabelScore>>();
        if (a.Labels is { } labelList)
        {
            var classifier = host.Services.GetRequiredService<LabelClassifier>();
            foreach (VideoHit video in response.Videos)
                labelled[video.VideoId] = await classifier.ClassifyVideoAsync(video.VideoId, labelList, cancellationToken);
        }
        if (a.Json)
            await output.WriteLineAsync(a.Labels is null
                ? JsonSerializer.Serialize(response, s_json)
                : JsonSerializer.Serialize(new { response, labels = labelled }, s_json));
        else WriteTable(response, labelled, output);
        await host.StopAsync(CancellationToken.None);
        return ExitCodes.Ok;
    }

    private static IReadOnlyList<string>? LabelList(string? labels) =>
        labels?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static void WriteTable(SearchResponse response, IReadOnlyDictionary<long, IReadOnlyList<LabelScore>> labels, TextWriter output)
    {
        if (response.Videos.Count == 0)
        {
            output.WriteLine("No matching videos.");
            return;
        }
        output.WriteLine(response.Calibration is { } c
            ? $"Best match: {Level(response.BestMatch)} (relevance in standard deviations above the mean of {c.SampleSize} " +
              $"library clips for this query: {Score(c.Mean)} +- {Score(c.StdDev)})."
            : "Best match: not calibrated (too few indexed clips to compare with).");
        output.WriteLine($"{"#",3}  {"score",7}  {"z",6}  {"match",-6}  {"moment",-17}  {"peak",-7}  file");
        int rank = 0;
        foreach (VideoHit video in response.Videos)
        {
            rank++;
            for (int i = 0; i < video.Moments.Count; i++)
            {
                Moment moment = video.Moments[i];
                string range = $"{Time(moment.StartSeconds)}-{Time(moment.EndSeconds)}";
                string z = moment.Relevance is { } r ? r.ToString("+0.0;-0.0", CultureInfo.InvariantCulture) : "-";
                string row = $"{Score(moment.Score),7}  {z,6}  {Level(moment.Match),-6}  {range,-17}  {Time(moment.PeakSeconds),-7}";
                output.WriteLine(i == 0 ? $"{rank,3}  {row}  {video.Path}" : $"{"",3}  {row}");
            }
            if (labels.TryGetValue(video.VideoId, out var scores))
                output.WriteLine($"{"",3}  labels: " + string.Join(", ", scores.OrderByDescending(l => l.Probability)
                    .Select(l => $"{l.Label} {l.Probability.ToString("P0", CultureInfo.InvariantCulture)}")));
        }
    }

    private static string Score(double score) => score.ToString("F3", CultureInfo.InvariantCulture);

    /// <summary>The level as the JSON spells it (<c>strong</c>).</summary>
    private static string Level(MatchLevel level) => level.ToString().ToLowerInvariant();

    private static string Time(double seconds)
    {
        var t = TimeSpan.FromSeconds(Math.Max(0, seconds));
        return t.TotalHours >= 1
            ? t.ToString(@"h\:mm\:ss", CultureInfo.InvariantCulture)
            : t.ToString(@"m\:ss\.f", CultureInfo.InvariantCulture);
    }
}
