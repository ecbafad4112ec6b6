using VideoSearch.Core.Hub;

namespace VideoSearch.Core.Tests.Hub;

public class HubOptionsTests
{
    private const string Home = "/home/someone";

    private static HubOptions Read(Dictionary<string, string> variables) =>
        HubOptions.FromEnvironment(name => variables.GetValueOrDefault(name), Home);

    [Fact]
    public void FromEnvironment_NothingSet_UsesHuggingFaceDefaults()
    {
        HubOptions options = Read([]);

        Assert.Equal("/home/someone/.cache/huggingface/hub", options.CacheDirectory);
        Assert.Equal(new Uri("https://huggingface.co"), options.Endpoint);
        Assert.Null(options.Token);
        Assert.False(options.Offline);
    }

    [Fact]
    public void FromEnvironment_HfHome_PutsCacheUnderIt()
    {
        Assert.Equal("/data/hf/hub", Read(new() { ["HF_HOME"] = "/data/hf" }).CacheDirectory);
    }

    [Fact]
    public void FromEnvironment_XdgCacheHome_PutsCacheUnderIt()
    {
        Assert.Equal("/xdg/huggingface/hub", Read(new() { ["XDG_CACHE_HOME"] = "/xdg" }).CacheDirectory);
    }

    [Fact]
    public void FromEnvironment_HfHubCache_OverridesHfHome()
    {
        HubOptions options = Read(new() { ["HF_HOME"] = "/data/hf", ["HF_HUB_CACHE"] = "~/models" });

        Assert.Equal("/home/someone/models", options.CacheDirectory);
    }

    [Fact]
    public void FromEnvironment_TokenFileUnderHfHome_IsRead()
    {
        using var home = new TempDirectory();
        File.WriteAllText(Path.Combine(home.Path, "token"), "hf_fromfile\n");

        Assert.Equal("hf_fromfile", Read(new() { ["HF_HOME"] = home.Path }).Token);
    }

    [Fact]
    public void FromEnvironment_HfTokenSet_WinsOverTokenFile()
    {
        using var home = new TempDirectory();
        File.WriteAllText(Path.Combine(home.Path, "token"), "hf_fromfile");

        Assert.Equal("hf_fromenv", Read(new() { ["HF_HOME"] = home.Path, ["HF_TOKEN"] = "hf_fromenv" }).Token);
    }

    [Theory]
    [InlineData("1", true)]
    [InlineData("true", true)]
    [InlineData("YES", true)]
    [InlineData("on", true)]
    [InlineData("0", false)]
    [InlineData("false", false)]
    public void FromEnvironment_HfHubOffline_ParsedLikeHuggingFaceHub(string value, bool offline)
    {
        Assert.Equal(offline, Read(new() { ["HF_HUB_OFFLINE"] = value }).Offline);
    }

    [Fact]
    public void FromEnvironment_HfEndpointWithTrailingSlash_IsUsed()
    {
        Assert.Equal("http://127.0.0.1:8080/", Read(new() { ["HF_ENDPOINT"] = "http://127.0.0.1:8080/" }).Endpoint.AbsoluteUri);
    }

    [Theory]
    [InlineData("huggingface.co")]
    [InlineData("ftp://mirror.example")]
    public void FromEnvironment_HfEndpointNotHttp_ThrowsNamingIt(string value)
    {
        var error = Assert.Throws<HubConfigurationException>(() => Read(new() { ["HF_ENDPOINT"] = value }));

        Assert.Contains(value, error.Message);
    }
}
