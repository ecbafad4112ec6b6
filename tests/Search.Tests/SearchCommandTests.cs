using System.CommandLine;
using System.Text.Json;
using VideoSearch.Cli;

namespace VideoSearch.Search.Tests;

[Collection(TinyLibraryCollection.Name)]
public sealed class SearchCommandTests(TinyLibrary library)
{
    private static async Task<(int Code, string Output, string Error)> Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        int code = await CommandLine.Build().Parse(args)
            .InvokeAsync(new InvocationConfiguration { Output = output, Error = error });
        return (code, output.ToString(), error.ToString());
    }

    [Fact]
    public async Task Search_Query_PrintsTableOfFilesTimeRangesAndScores()
    {
        var (code, output, error) = await Run("search", "a dog on the beach", "--db", library.Directory, "--top", "2");
        Assert.True(code == 0, error);
        string[] lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Contains("score", lines[0]);
        Assert.Equal(2, lines.Count(l => l.Contains(TinyLibrary.RootPath)));
    }

    [Fact]
    public async Task Search_Json_OutputParsesAsResponse()
    {
        var (code, output, _) = await Run("search", "a dog on the beach", "--db", library.Directory, "--json");
        Assert.Equal(0, code);
        using var json = JsonDocument.Parse(output);
        var videos = json.RootElement.GetProperty("videos");
        Assert.Equal(TinyLibrary.Videos.Length, videos.GetArrayLength());
        Assert.True(videos[0].GetProperty("clips")[0].GetProperty("score").GetSingle() >= videos[1].GetProperty("score").GetSingle());
        Assert.False(json.RootElement.GetProperty("queryTruncated").GetBoolean());
    }

    [Fact]
    public async Task Search_EmptyQuery_ExitsWithUsageCodeAndMessage()
    {
        var (code, _, error) = await Run("search", "  ", "--db", library.Directory);
        Assert.Equal(2, code);
        Assert.Contains("query is empty", error);
    }

    [Fact]
    public async Task Search_QueryOver77Tokens_SearchesTruncatedAndWarns()
    {
        string query = string.Join(' ', Enumerable.Repeat("beach", 90));
        var (code, output, error) = await Run("search", query, "--db", library.Directory, "--json");
        Assert.Equal(0, code);
        Assert.Contains("warning", error);
        Assert.Contains("77 tokens", error);
        using var json = JsonDocument.Parse(output);
        Assert.True(json.RootElement.GetProperty("queryTruncated").GetBoolean());
    }

    [Fact]
    public async Task Search_MissingLibrary_ExitsWithNotFoundCodeAndMessage()
    {
        string missing = Path.Combine(Path.GetTempPath(), "videosearch-none-" + Guid.NewGuid().ToString("N"));
        var (code, _, error) = await Run("search", "a dog", "--db", missing);
        Assert.Equal(3, code);
        Assert.Contains("No library", error);
        Assert.False(File.Exists(Path.Combine(missing, "catalog.db")));
    }

    [Fact]
    public async Task Search_OtherModelThanIndexed_ExitsWithUsageCodeNamingBoth()
    {
        string other = Path.GetFullPath(VideoSearch.TestSupport.Fixtures.Reference("xclip-tiny"));
        var (code, _, error) = await Run("search", "a dog", "--db", library.Directory, "--model", other);
        Assert.Equal(2, code);
        Assert.Contains(TinyLibrary.KitFolder, error);
    }
}
