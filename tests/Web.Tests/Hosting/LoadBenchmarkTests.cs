using VideoSearch.Bench.Load;
using VideoSearch.Web.Tests.Support;

namespace VideoSearch.Web.Tests.Hosting;

[Collection(WebServerCollection.Name)]
public sealed class LoadBenchmarkTests(WebServerFixture fixture)
{
    [Fact]
    public async Task RunAsync_AgainstServer_CountsRequestsWithoutErrors()
    {
        var options = LoadOptions.Parse(["--url", fixture.Server.Address.ToString(), "--seconds", "2", "--clients", "4", "--queries", "ball,red screen"]);

        var report = await LoadRun.RunAsync(options, CancellationToken.None);

        Assert.Equal(0, report.Errors);
        Assert.True(report.Requests > 10, $"only {report.Requests} requests in 2 s");
        Assert.InRange(report.Elapsed.TotalSeconds, 1.9, 10);
        Assert.True(report.P50Ms > 0 && report.P50Ms <= report.P95Ms && report.P95Ms <= report.P99Ms && report.P99Ms <= report.MaxMs);
    }

    [Fact]
    public void Parse_MissingUrl_Throws()
    {
        var error = Assert.Throws<ArgumentException>(() => LoadOptions.Parse(["--seconds", "5"]));
        Assert.Contains("--url", error.Message);
    }

    [Fact]
    public void Percentile_KnownValues_UsesNearestRank()
    {
        var values = Enumerable.Range(1, 100).Select(i => (double)i).ToList();

        Assert.Equal(50, LoadReport.Percentile(values, 0.50));
        Assert.Equal(95, LoadReport.Percentile(values, 0.95));
        Assert.Equal(100, LoadReport.Percentile(values, 1.0));
    }
}
