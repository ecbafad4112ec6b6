using System.Net;
using System.Text.Json;
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
        var problem = await AnswerAsync(new KindException(kind, "cannot read /srv/private/library/catalog.db: it failed"), "/api/search?q=dog", expected);

        Assert.Equal("cannot read catalog.db: it failed", problem.GetProperty("detail").GetString());
        Assert.DoesNotContain("/srv/private", problem.GetRawText());
    }

    [Theory]
    [InlineData("!!!")]
    [InlineData(".,;")]
    public async Task Search_QueryWithNoSearchableWords_Returns400(string query)
    {
        // What QueryEncoder throws when the tokenizer keeps nothing but the start and end tokens.
        var failure = new SearchQueryException($"The query '{query}' holds no searchable words.");

        var problem = await AnswerAsync(failure, "/api/search?q=" + Uri.EscapeDataString(query), HttpStatusCode.BadRequest);

        Assert.Contains("no searchable words", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Similar_ServiceThrowsClipNotFound_Returns404NamingTheClip()
    {
        var problem = await AnswerAsync(new ClipNotFoundException("No indexed clip has id 103."), "/api/clips/103/similar", HttpStatusCode.NotFound);

        Assert.Equal("No indexed clip has id 103.", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Similar_ServiceThrowsKeyNotFound_Returns404()
    {
        var problem = await AnswerAsync(new KeyNotFoundException("No clip 7 in /srv/private/library"), "/api/clips/103/similar", HttpStatusCode.NotFound);

        Assert.DoesNotContain("/srv/private", problem.GetRawText());
    }

    [Fact]
    public async Task Search_DiskFailsUnderTheService_Returns503WithoutItsText()
    {
        var failure = new IOException("No space left on device : '/srv/private/library/catalog.db-wal'");

        var problem = await AnswerAsync(failure, "/api/search?q=dog", HttpStatusCode.ServiceUnavailable);

        Assert.DoesNotContain("/srv/private", problem.GetRawText());
        Assert.True(problem.TryGetProperty("traceId", out _));
    }

    /// <summary>The ProblemDetails a fresh server answers to <paramref name="url"/> when the search service throws <paramref name="failure"/>.</summary>
    private static async Task<JsonElement> AnswerAsync(Exception failure, string url, HttpStatusCode expected)
    {
        await using var media = new DisposableMedia();
        await using var server = await TestWebServer.StartAsync(media.Value);
        server.Search.FailWith = failure;

        using var response = await server.Client.GetAsync(url);

        return (await ProblemAssert.IsProblemAsync(response, expected)).Clone();
    }

    private sealed class KindException(ErrorKind kind, string message) : VideoSearchException(kind, message);
}
