using VideoSearch.Web.Hosting;

namespace VideoSearch.Web.Tests.Hosting;

public sealed class WebServerOptionsValidatorTests
{
    private const string GoodToken = "0123456789abcdef-token";

    [Theory]
    [InlineData("http://127.0.0.1:5080")]
    [InlineData("http://localhost:5080")]
    [InlineData("http://[::1]:5080")]
    [InlineData("http://127.0.0.1:5080;http://[::1]:5081")]
    public void FindProblems_LoopbackWithoutToken_IsValid(string urls)
    {
        Assert.Empty(WebServerOptionsValidator.FindProblems(new WebServerOptions { Urls = urls }));
    }

    [Theory]
    [InlineData("http://0.0.0.0:5080")]
    [InlineData("http://*:5080")]
    [InlineData("http://+:5080")]
    [InlineData("http://192.168.1.20:5080")]
    [InlineData("http://[::]:5080")]
    [InlineData("http://videos.example.org:5080")]
    [InlineData("http://127.0.0.1:5080;http://0.0.0.0:5081")]
    public void FindProblems_NonLoopbackWithoutToken_NamesTheAddressAndTheSetting(string urls)
    {
        var problems = WebServerOptionsValidator.FindProblems(new WebServerOptions { Urls = urls });

        string problem = Assert.Single(problems);
        Assert.Contains("AccessToken", problem);
        Assert.Contains(":508", problem);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(33)]
    public void FindProblems_MaxConcurrentTranscodesOutOfRange_NamesTheSetting(int transcodes)
    {
        var problems = WebServerOptionsValidator.FindProblems(new WebServerOptions { MaxConcurrentTranscodes = transcodes });

        Assert.Contains("MaxConcurrentTranscodes", Assert.Single(problems));
    }

    [Fact]
    public void FindProblems_NonLoopbackWithToken_IsValid()
    {
        Assert.Empty(WebServerOptionsValidator.FindProblems(new WebServerOptions { Urls = "http://0.0.0.0:5080", AccessToken = GoodToken }));
    }

    [Fact]
    public void FindProblems_ShortToken_IsRefused()
    {
        var problems = WebServerOptionsValidator.FindProblems(new WebServerOptions { Urls = "http://0.0.0.0:5080", AccessToken = "short" });

        Assert.Contains(problems, p => p.Contains("at least 16", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("                ")] // 16 spaces
    [InlineData("          \t\t\t\t\t\t")]
    [InlineData("abc def ghi jkl mn")] // 18 characters, 14 of them not blank
    public void FindProblems_TokenWithFewerThan16NonBlankCharacters_IsRefused(string token)
    {
        var problems = WebServerOptionsValidator.FindProblems(new WebServerOptions { Urls = "http://0.0.0.0:5080", AccessToken = token });

        Assert.Contains(problems, p => p.Contains("at least 16 characters other than spaces", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(" " + GoodToken)]
    [InlineData(GoodToken + " ")]
    [InlineData(GoodToken + "\n")]
    public void FindProblems_TokenWithOuterWhitespace_IsRefused(string token)
    {
        var problems = WebServerOptionsValidator.FindProblems(new WebServerOptions { Urls = "http://0.0.0.0:5080", AccessToken = token });

        Assert.Equal("AccessToken must not begin or end with a space.", Assert.Single(problems));
    }

    [Fact]
    public void FindProblems_SixteenCharactersWithInnerSpaces_IsValid()
    {
        Assert.Empty(WebServerOptionsValidator.FindProblems(new WebServerOptions { Urls = "http://0.0.0.0:5080", AccessToken = "abcd efgh ijkl mnop" }));
    }

    [Fact]
    public void FindProblems_BadLimitsAndAddress_ListsEach()
    {
        var options = new WebServerOptions { Urls = "not a url", RateLimitPerSecond = -1, AccessToken = "short" };

        var problems = WebServerOptionsValidator.FindProblems(options);

        Assert.Equal(3, problems.Count);
        Assert.Contains(problems, p => p.Contains("'not a url'", StringComparison.Ordinal));
    }

    [Fact]
    public void Build_NonLoopbackWithoutToken_RefusesToStart()
    {
        var error = Assert.Throws<WebServerConfigurationException>(() =>
            VideoSearchWebApplication.Build([], _ => { }, o => o.Urls = "http://0.0.0.0:5080"));

        Assert.Contains("0.0.0.0", error.Message);
        Assert.Contains("AccessToken", error.Message);
    }

    [Fact]
    public void Build_TokenFromCommandLineConfiguration_IsAccepted()
    {
        // The same settings as `--Web:Urls=... --Web:AccessToken=...` on the command line.
        var app = VideoSearchWebApplication.Build(["--Web:Urls=http://0.0.0.0:5080", "--Web:AccessToken=" + GoodToken], _ => { });

        Assert.NotNull(app);
        ((IDisposable)app).Dispose();
    }
}
