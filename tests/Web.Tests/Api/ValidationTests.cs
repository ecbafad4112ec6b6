using System.Net;
using VideoSearch.Web.Tests.Support;

namespace VideoSearch.Web.Tests.Api;

[Collection(WebServerCollection.Name)]
public sealed class ValidationTests(WebServerFixture fixture)
{
    private HttpClient Client => fixture.Server.Client;

    [Theory]
    [InlineData("/api/search", "q")]
    [InlineData("/api/search?q=%20%20", "q")]
    [InlineData("/api/search?q=dog&top=0", "top")]
    [InlineData("/api/search?q=dog&top=101", "top")]
    [InlineData("/api/search?q=dog&offset=-1", "offset")]
    [InlineData("/api/search?q=dog&minDuration=-3", "minDuration")]
    [InlineData("/api/search?q=dog&minDuration=10&maxDuration=5", "maxDuration")]
    [InlineData("/api/search?q=dog&modifiedAfter=2030-01-01&modifiedBefore=2020-01-01", "modifiedBefore")]
    [InlineData("/api/clips/103/similar?top=1000", "top")]
    public async Task Search_InvalidParameter_Returns400ProblemNamingIt(string url, string parameter)
    {
        using var response = await Client.GetAsync(url);

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty(parameter, out _), $"errors should name '{parameter}'");
    }

    [Fact]
    public async Task Search_QueryLongerThanLimit_Returns400Problem()
    {
        using var response = await Client.GetAsync("/api/search?q=" + new string('a', 1001));

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Contains("1000", problem.GetProperty("errors").GetProperty("q")[0].GetString());
    }

    [Theory]
    [InlineData("/api/search?q=dog&top=abc")]
    [InlineData("/api/search?q=dog&modifiedAfter=yesterday")]
    [InlineData("/api/videos/12abc")]
    public async Task Request_Malformed_Returns400Or404ProblemWithoutStackTrace(string url)
    {
        using var response = await Client.GetAsync(url);

        // A route constraint (long id) that fails is "no such route" (404); a query value that does not bind is 400.
        var expected = url.StartsWith("/api/videos", StringComparison.Ordinal) ? HttpStatusCode.NotFound : HttpStatusCode.BadRequest;
        await ProblemAssert.IsProblemAsync(response, expected);
    }

    [Fact]
    public async Task Search_ServiceThrows_Returns500ProblemWithoutExceptionText()
    {
        await using var media = new DisposableMedia();
        // Development is where ASP.NET would show a developer exception page; the API must still hide the details.
        await using var server = await TestWebServer.StartAsync(media.Value, args: ["--environment", "Development"]);
        server.Search.FailWith = new InvalidOperationException("catalog exploded at /secret/path/catalog.db");

        using var response = await server.Client.GetAsync("/api/search?q=dog");

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.InternalServerError);
        string body = problem.GetRawText();
        Assert.DoesNotContain("exploded", body);
        Assert.DoesNotContain("/secret/path", body);
        Assert.True(problem.TryGetProperty("traceId", out _));
    }
}
