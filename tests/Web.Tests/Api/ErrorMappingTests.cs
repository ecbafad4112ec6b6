using System.Net;
using VideoSearch.Core.Errors;
using VideoSearch.Search;
using VideoSearch.Web.Tests.Support;

namespace VideoSearch.Web.Tests.Api;

/// <summary>The project's own failures answer by their kind, with their message minus server paths.</summary>
public sealed class ErrorMappingTests
{
    [Theory]
    [InlineData(ErrorKind.InvalidInput, HttpStatusCode.BadRequest)]
    [InlineData(ErrorKind.NotFound, HttpStatusCode.NotFound)]
    [InlineData(ErrorKind.Environment, HttpStatusCode.ServiceUnavailable)]
    [InlineData(ErrorKind.InUse, HttpStatusCode.ServiceUnavailable)]
    [InlineData(ErrorKind.Corrupt, HttpStatusCode.ServiceUnavailable)]
    [InlineData(ErrorKind.Failed, HttpStatusCode.ServiceUnavailable)]
    public async Task Search_ServiceThrowsOwnException_AnswersByKindWithPublicMessage(ErrorKind kind, HttpStatusCode expected)
    {
        await using var media = new DisposableMedia();
        await using var server = await TestWebServer.StartAsync(media.Value);
        server.Search.FailWith = new KindException(kind, "cannot read /srv/private/library/catalog.db: it failed");

        using var response = await server.Client.GetAsync("/api/search?q=dog");

        var problem = await ProblemAssert.IsProblemAsync(response, expected);
        string detail = problem.GetProperty("detail").GetString()!;
        Assert.Equal("cannot read catalog.db: it failed", detail);
        Assert.DoesNotContain("/srv/private", problem.GetRawText());
    }

    [Theory]
    [InlineData("!!!")]
    [InlineData(".,;")]
    public async Task Search_QueryWithNoSearchableWords_Returns400(string query)
    {
        await using var media = new DisposableMedia();
        await using var server = await TestWebServer.StartAsync(media.Value);
        // What QueryEncoder throws when the tokenizer keeps nothing but the start and end tokens.
        server.Search.FailWith = new SearchQueryException($"The query '{query}' holds no searchable words.");

        using var response = await server.Client.GetAsync("/api/search?q=" + Uri.EscapeDataString(query));

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Contains("no searchable words", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Similar_ServiceThrowsKeyNotFound_Returns404()
    {
        await using var media = new DisposableMedia();
        await using var server = await TestWebServer.StartAsync(media.Value);
        server.Search.FailWith = new KeyNotFoundException("No clip 7 in /srv/private/library");

        using var response = await server.Client.GetAsync("/api/clips/103/similar");

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.NotFound);
        Assert.DoesNotContain("/srv/private", problem.GetRawText());
    }

    [Fact]
    public async Task Search_DiskFailsUnderTheService_Returns503WithoutItsText()
    {
        await using var media = new DisposableMedia();
        await using var server = await TestWebServer.StartAsync(media.Value);
        server.Search.FailWith = new IOException("No space left on device : '/srv/private/library/catalog.db-wal'");

        using var response = await server.Client.GetAsync("/api/search?q=dog");

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.ServiceUnavailable);
        Assert.DoesNotContain("/srv/private", problem.GetRawText());
        Assert.True(problem.TryGetProperty("traceId", out _));
    }

    private sealed class KindException(ErrorKind kind, string message) : VideoSearchException(kind, message);
}
