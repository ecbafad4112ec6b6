using System.Net;
using VideoSearch.Web.Tests.Support;

namespace VideoSearch.Web.Tests.Api;

/// <summary><c>folder</c> is a path inside a media folder, and dates are valid over their whole range.</summary>
[Collection(WebServerCollection.Name)]
public sealed class FilterTests(WebServerFixture fixture)
{
    private TestWebServer Server => fixture.Server;

    [Theory]
    [InlineData("holiday", "holiday")]
    [InlineData("holiday/", "holiday")]
    [InlineData("./holiday", "holiday")]
    [InlineData(".", "")]
    public async Task Search_FolderInsideTheMediaFolder_ReachesSearchAsItsFullPath(string folder, string relative)
    {
        using var response = await Server.Client.GetAsync("/api/search?q=ball&folder=" + Uri.EscapeDataString(folder));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        string expected = relative.Length == 0 ? fixture.Media.Root : Path.Combine(fixture.Media.Root, relative);
        Assert.Equal(expected, Server.Search.LastRequest!.Filters!.Folder);
    }

    [Theory]
    [InlineData("..")] // resolved against the working directory, this once returned everything
    [InlineData("../outside")]
    [InlineData("holiday/../..")]
    [InlineData("/")]
    [InlineData("/etc")]
    [InlineData("linked-dir")] // a link to a folder outside
    [InlineData("holiday\\..\\..")]
    [InlineData("holiday\0")]
    [InlineData("no-such-folder")]
    [InlineData("notes.txt")] // a file, not a folder
    public async Task Search_FolderLeavingTheMediaFolder_Returns400NamingFolder(string folder)
    {
        using var response = await Server.Client.GetAsync("/api/search?q=ball&folder=" + Uri.EscapeDataString(folder));

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty("folder", out _));
    }

    [Fact]
    public async Task Similar_FolderLeavingTheMediaFolder_Returns400()
    {
        using var response = await Server.Client.GetAsync("/api/clips/103/similar?folder=..");

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest);
    }

    [Theory]
    [InlineData("modifiedAfter", "2262-04-12")]
    [InlineData("modifiedAfter", "9999-12-31")]
    [InlineData("modifiedBefore", "9999-12-31T23:59:59Z")]
    [InlineData("modifiedBefore", "0001-01-02")]
    public async Task Search_DateAtTheEdgeOfTheRange_ReachesSearchUnchanged(string parameter, string value)
    {
        using var response = await Server.Client.GetAsync($"/api/search?q=ball&{parameter}={value}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var filters = Server.Search.LastRequest!.Filters!;
        var expected = DateTimeOffset.Parse(value, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal);
        Assert.Equal(expected, parameter == "modifiedAfter" ? filters.ModifiedAfter : filters.ModifiedBefore);
    }
}
