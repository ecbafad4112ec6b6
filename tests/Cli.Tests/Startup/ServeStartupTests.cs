using System.Net;
using VideoSearch.Cli.Tests.Support;

namespace VideoSearch.Cli.Tests.Startup;

/// <summary>
/// <c>videosearch serve</c> starting as documented: in the Development environment, with the access token given as a
/// flag, and refusing a token that is only blanks before it listens.
/// </summary>
public sealed class ServeStartupTests : IDisposable
{
    private const int Usage = 2;
    private const string Token = "a-test-token-of-more-than-16-chars";
    private static readonly TimeSpan s_limit = TimeSpan.FromSeconds(90);
    /// <summary>A refused setting stops the program at start, in a few seconds; a server that is not refused runs past this.</summary>
    private static readonly TimeSpan s_refusalLimit = TimeSpan.FromSeconds(30);
    private readonly TempLibrary _library = TempLibrary.Create(TempLibrary.SmallFiles);

    [Fact]
    public async Task Serve_InDevelopment_StartsAnswersStatusAndStopsOnSigTerm()
    {
        int port = TempLibrary.FreePort();
        await using CliProcess serve = await CliProcess.StartAsync(_library.ServeArguments(port),
            new Dictionary<string, string> { ["ASPNETCORE_ENVIRONMENT"] = "Development" });

        await ServerStatus.WaitForAsync(serve, port, s_limit, state: "Watching");

        serve.Signal(Posix.SigTerm);
        Assert.True(await serve.WaitForExitAsync(TimeSpan.FromSeconds(30)) == 0, $"serve did not stop with 0:\n{serve.Output}");
    }

    [Fact]
    public async Task Serve_AccessTokenFlag_RefusesRequestsWithoutTheTokenAndAnswersWithIt()
    {
        int port = TempLibrary.FreePort();
        await using CliProcess serve = await CliProcess.StartAsync(_library.ServeArguments(port, withMedia: false, $"--Web:AccessToken={Token}"));

        await ServerStatus.WaitForAsync(serve, port, s_limit, token: Token);
        using var anonymous = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(10) };
        using HttpResponseMessage refused = await anonymous.GetAsync("/api/status");

        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
    }

    [Fact]
    public async Task Serve_BlankAccessTokenFlag_Exits2BeforeListening()
    {
        (int code, string output) = await CliProcess.RunAsync(
            _library.ServeArguments(TempLibrary.FreePort(), withMedia: false, "--Web:AccessToken=" + new string(' ', 16)), s_refusalLimit);

        AssertRefusedToken(code, output);
    }

    [Fact]
    public async Task Serve_BlankAccessTokenVariable_Exits2BeforeListening()
    {
        (int code, string output) = await CliProcess.RunAsync(_library.ServeArguments(TempLibrary.FreePort(), withMedia: false), s_refusalLimit,
            new Dictionary<string, string> { ["Web__AccessToken"] = new string(' ', 16) });

        AssertRefusedToken(code, output);
    }

    private static void AssertRefusedToken(int code, string output)
    {
        Assert.True(code == Usage, $"expected exit code {Usage} for a blank token, got {code}:\n{output}");
        Assert.Contains("AccessToken", output, StringComparison.Ordinal);
        Assert.DoesNotContain("Serving the library", output, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", output, StringComparison.Ordinal);
    }

    public void Dispose() => _library.Dispose();
}
