using System.Net;
using VideoSearch.Web.Tests.Support;

namespace VideoSearch.Web.Tests.Security;

public sealed class RateLimitTests
{
    [Fact]
    public async Task Search_BurstAboveLimit_Returns429ProblemWithRetryAfter()
    {
        await using var media = new DisposableMedia();
        await using var server = await TestWebServer.StartAsync(media.Value, o =>
        {
            o.RateLimitPerSecond = 1;
            o.RateLimitBurst = 3;
        });

        var statuses = new List<HttpStatusCode>();
        HttpResponseMessage? limited = null;
        // Ten requests in well under a second against a bucket of 3 refilled by 1 per second.
        for (int i = 0; i < 10; i++)
        {
            var response = await server.Client.GetAsync("/api/search?q=ball");
            statuses.Add(response.StatusCode);
            if (response.StatusCode == HttpStatusCode.TooManyRequests) limited ??= response;
            else response.Dispose();
        }

        Assert.True(statuses.Count(s => s == HttpStatusCode.OK) is >= 3 and <= 5, string.Join(",", statuses));
        Assert.NotNull(limited);
        await ProblemAssert.IsProblemAsync(limited, HttpStatusCode.TooManyRequests);
        Assert.NotNull(limited.Headers.RetryAfter);
        limited.Dispose();
    }

    [Fact]
    public async Task Thumbnails_ManyAtOnce_AreNotRateLimited()
    {
        await using var media = new DisposableMedia();
        await using var server = await TestWebServer.StartAsync(media.Value, o =>
        {
            o.RateLimitPerSecond = 1;
            o.RateLimitBurst = 1;
        });

        var responses = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => server.Client.GetAsync("/api/clips/103/thumbnail")));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        foreach (var r in responses) r.Dispose();
    }
}
