using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using VideoSearch.Cli.Tests.Support;

namespace VideoSearch.Cli.Tests.Shared;

/// <summary>
/// Two real <c>serve --catalog</c> nodes, each with its own vector index folder and neither indexing, on one shared
/// catalog: a file that a separate <c>index --catalog</c> run adds becomes searchable on both within 5 s of the run's
/// end (the bound; the nodes follow the change sequence every second).
/// </summary>
[Collection(PostgresFixture.CollectionName)]
public sealed class TwoSearchNodesTests(PostgresFixture postgres)
{
    private static readonly TimeSpan s_limit = TimeSpan.FromSeconds(120);
    private static readonly TimeSpan s_searchable = TimeSpan.FromSeconds(5);

    [Fact]
    public async Task NewFile_IndexedElsewhere_IsSearchableOnBothNodesWithinFiveSeconds()
    {
        using SharedLibrary library = await SharedLibrary.CreateAsync(postgres, [TempLibrary.SmallFiles[0]]);
        (int first, string firstOutput) = await CliProcess.RunAsync(library.IndexArguments("indexer"), s_limit);
        Assert.True(first == 0, firstOutput);

        int[] ports = [TempLibrary.FreePort(), TempLibrary.FreePort()];
        await using CliProcess nodeA = await StartNodeAsync(library, "a", ports[0]);
        await using CliProcess nodeB = await StartNodeAsync(library, "b", ports[1]);
        Assert.Contains(TempLibrary.SmallFiles[0], await SearchedFilesAsync(ports[0]));
        Assert.DoesNotContain(TempLibrary.SmallFiles[1], await SearchedFilesAsync(ports[1]));

        File.Copy(Path.Combine(Fixtures.Media, TempLibrary.SmallFiles[1]), Path.Combine(library.Media, TempLibrary.SmallFiles[1]));
        (int second, string secondOutput) = await CliProcess.RunAsync(library.IndexArguments("indexer"), s_limit);
        Assert.True(second == 0, secondOutput);

        var clock = Stopwatch.StartNew();
        foreach (int port in ports)
        {
            while (!(await SearchedFilesAsync(port)).Contains(TempLibrary.SmallFiles[1]))
            {
                Assert.True(clock.Elapsed < s_searchable, $"the new file is not searchable on the node at port {port} after {clock.Elapsed}");
                await Task.Delay(100);
            }
        }

        nodeA.Signal(Posix.SigTerm);
        nodeB.Signal(Posix.SigTerm);
        Assert.Equal(0, await nodeA.WaitForExitAsync(StopAssert.Bound));
        Assert.Equal(0, await nodeB.WaitForExitAsync(StopAssert.Bound));
    }

    private static async Task<CliProcess> StartNodeAsync(SharedLibrary library, string node, int port)
    {
        CliProcess serve = await CliProcess.StartAsync(["serve", "--catalog", library.Catalog, "--db", library.NodeDatabase(node),
            "--model", TempLibrary.Model, "--urls", $"http://127.0.0.1:{port}"]);
        await ServerStatus.WaitForAsync(serve, port, s_limit);
        return serve;
    }

    /// <summary>The file names of every video a text search on the node returns (the library is a few clips: all of them).</summary>
    private static async Task<List<string>> SearchedFilesAsync(int port)
    {
        using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(10) };
        JsonElement answer = await client.GetFromJsonAsync<JsonElement>("/api/search?q=a%20video&top=50");
        return answer.GetProperty("videos").EnumerateArray().Select(v => v.GetProperty("fileName").GetString()!).ToList();
    }
}
