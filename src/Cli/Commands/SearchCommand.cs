using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using VideoSearch.Core.Catalog;
using VideoSearch.Core.Hub;
using VideoSearch.Search;
using VideoSearch.Search.Contracts;
using VideoSearch.Search.Library;

namespace VideoSearch.Cli.Commands;

/// <summary><c>videosearch search "&lt;query&gt;"</c>: the best matching videos and moments, as a table or JSON.</summary>
internal static class SearchCommand
{
    private static readonly JsonSerializerOptions s_json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    /// <summary>Builds the command.</summary>
    public static Command Create()
    {
        var query = new Argument<string>("query") { Description = "What you remember seeing, in words." };
        var database = CommonOptions.Database();
        var model = CommonOptions.Model();
        model.Description = "The model to search with; it must be the one the library was indexed with (the default).";
        var top = new Option<int>("--top", "-n") { Description = "How many videos to show.", DefaultValueFactory = _ => 10 };
        var json = new Option<bool>("--json") { Description = "Print the results as JSON." };
        var command = new Command("search", "Search the indexed videos by text.") { query, database, model, top, json };
        command.SetAction((parse, cancellationToken) =>
        {
            string? requestedModel = parse.GetResult(model) is { Implicit: false } ? parse.GetValue(model) : null;
            return RunAsync(parse.GetValue(query) ?? "", parse.GetValue(database)!.FullName, requestedModel,
                parse.GetValue(top), parse.GetValue(json), parse.InvocationConfiguration.Output,
                parse.InvocationConfiguration.Error, cancellationToken);
        });
        return command;
    }

    private static async Task<int> RunAsync(string query, string database, string? model, int top, bool json,
        TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(query))
        {
            await error.WriteLineAsync("error: the query is empty; type what you remember seeing, e.g. videosearch search \"a dog on a beach\".");
            return ExitCodes.Usage;
        }
        var options = new SearchOptions();
        if (top < 1 || top > options.MaxTop)
        {
            await error.WriteLineAsync($"error: --top must be between 1 and {options.MaxTop}, got {top}.");
            return ExitCodes.Usage;
        }
        try
        {
            using var session = await SearchSession.OpenAsync(database, model, options, ModelLocator.FromEnvironment(),
                notice => error.WriteLine($"note: {notice}"), cancellationToken);
            SearchResponse response = await session.Search.SearchAsync(new SearchRequest(query, top), cancellationToken);
            if (response.QueryTruncated)
                await error.WriteLineAsync($"warning: the query is longer than the {session.Inference.MaxTextLength} tokens " +
                                           "the text model reads; only its beginning was searched.");
            if (json) await output.WriteLineAsync(JsonSerializer.Serialize(response, s_json));
            else WriteTable(response, output);
            return ExitCodes.Ok;
        }
        catch (LibraryNotFoundException e) { return await Fail(error, e.Message, ExitCodes.NotFound); }
        catch (ModelMismatchException e) { return await Fail(error, e.Message, ExitCodes.Usage); }
        catch (SearchQueryException e) { return await Fail(error, e.Message, ExitCodes.Usage); }
        catch (ModelReferenceException e) { return await Fail(error, e.Message, ExitCodes.Usage); }
        catch (HubException e) { return await Fail(error, e.Message, ExitCodes.NotFound); }
        catch (CatalogException e) { return await Fail(error, e.Message, ExitCodes.Failed); }
        catch (OperationCanceledException) { return ShutdownSignals.StoppedExitCode(); }
    }

    private static async Task<int> Fail(TextWriter error, string message, int code)
    {
        await error.WriteLineAsync($"error: {message}");
        return code;
    }

    private static void WriteTable(SearchResponse response, TextWriter output)
    {
        if (response.Videos.Count == 0)
        {
            output.WriteLine("No matching videos.");
            return;
        }
        output.WriteLine($"{"#",3}  {"score",7}  {"time",-17}  file");
        int rank = 0;
        foreach (VideoHit video in response.Videos)
        {
            rank++;
            for (int i = 0; i < video.Clips.Count; i++)
            {
                ClipHit clip = video.Clips[i];
                string range = $"{Time(clip.StartSeconds)}-{Time(clip.EndSeconds)}";
                output.WriteLine(i == 0
                    ? $"{rank,3}  {clip.Score.ToString("F3", CultureInfo.InvariantCulture),7}  {range,-17}  {video.Path}"
                    : $"{"",3}  {clip.Score.ToString("F3", CultureInfo.InvariantCulture),7}  {range,-17}");
            }
        }
    }

    private static string Time(double seconds)
    {
        var t = TimeSpan.FromSeconds(Math.Max(0, seconds));
        return t.TotalHours >= 1
            ? t.ToString(@"h\:mm\:ss", CultureInfo.InvariantCulture)
            : t.ToString(@"m\:ss\.f", CultureInfo.InvariantCulture);
    }
}
