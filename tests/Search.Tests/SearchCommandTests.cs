using System.CommandLine;
using System.Text.Json;
using VideoSearch.Cli;
using VideoSearch.Search.Contracts;

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
    public async Task Search_Query_PrintsTableOfMomentsWithRangePeakScoreAndMatch()
    {
        var (code, output, error) = await Run("search", "a dog on the beach", "--db", library.Directory, "--top", "2");
        Assert.True(code == 0, error);
        string[] lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("Best match: ", lines[0]);
        Assert.Contains("12 library clips", lines[0]);
        Assert.Equal(["#", "score", "z", "match", "moment", "peak", "file"], lines[1].Split(' ', StringSplitOptions.RemoveEmptyEntries));
        Assert.Equal(2, lines.Count(l => l.Contains(TinyLibrary.RootPath)));
        // A first row: rank, score, z, level, start-end, peak, path; the tiny library's clips tile its videos.
        string[] first = lines[2].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("1", first[0]);
        Assert.Contains(first[3], new[] { "strong", "good", "weak" });
        Assert.Matches(@"^\d+:\d\d\.\d-\d+:\d\d\.\d$", first[4]);
        Assert.Matches(@"^\d+:\d\d\.\d$", first[5]);
        Assert.StartsWith(TinyLibrary.RootPath, first[6]);
    }

    [Fact]
    public async Task Search_Json_OutputParsesAsResponse()
    {
        var (code, output, _) = await Run("search", "a dog on the beach", "--db", library.Directory, "--json");
        Assert.Equal(0, code);
        using var json = JsonDocument.Parse(output);
        var videos = json.RootElement.GetProperty("videos");
        Assert.Equal(TinyLibrary.Videos.Length, videos.GetArrayLength());
        var moment = videos[0].GetProperty("moments")[0];
        Assert.Equal(videos[0].GetProperty("score").GetSingle(), moment.GetProperty("score").GetSingle());
        Assert.True(moment.GetProperty("score").GetSingle() >= videos[1].GetProperty("score").GetSingle());
        Assert.Contains(moment.GetProperty("match").GetString(), new[] { "strong", "good", "weak" });
        Assert.True(moment.GetProperty("clips").GetArrayLength() >= 1);
        Assert.Equal(12, json.RootElement.GetProperty("calibration").GetProperty("sampleSize").GetInt32());
        Assert.Contains(json.RootElement.GetProperty("bestMatch").GetString(), new[] { "strong", "good", "weak" });
        Assert.False(json.RootElement.GetProperty("queryTruncated").GetBoolean());
    }

    [Fact]
    public async Task Search_NoRerank_PrintsTheFirstStageRanking()
    {
        const string query = "a dog on the beach";
        // fp32 text weights and matmuls, as the fixture's own service computes, so the two rankings can be compared.
        var (code, output, error) = await Run("search", query, "--db", library.Directory, "--json", "--no-rerank",
            "--precision", "fp32", "--Model:QueryWeights=Fp32");
        Assert.True(code == 0, error);
        var expected = await library.Service(candidateCount: 50).SearchAsync(new SearchRequest(query, 10, Rerank: false), CancellationToken.None);
        using var json = JsonDocument.Parse(output);
        var videos = json.RootElement.GetProperty("videos");
        Assert.Equal(expected.Videos.Select(v => v.VideoId), videos.EnumerateArray().Select(v => v.GetProperty("videoId").GetInt64()));
        // The same cosines from two loads of the same fp32 model: float32 rounding only.
        for (int i = 0; i < expected.Videos.Count; i++)
            Assert.Equal(expected.Videos[i].Score, videos[i].GetProperty("score").GetSingle(), 1e-5);
    }

    [Fact]
    public async Task Search_NoRerankWithExample_ExitsWithUsageCode()
    {
        string image = Path.Combine(VideoSearch.TestSupport.Fixtures.Media, "three_frames_320x240.mp4");
        var (code, _, error) = await Run("search", "--example", image, "--db", library.Directory, "--no-rerank");
        Assert.Equal(2, code);
        Assert.Contains("--no-rerank", error);
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
