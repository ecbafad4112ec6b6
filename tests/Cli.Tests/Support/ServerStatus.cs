using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace VideoSearch.Cli.Tests.Support;

/// <summary>Reads <c>/api/status</c> of a <c>videosearch serve</c> started by a test.</summary>
internal static class ServerStatus
{
    /// <summary>
    /// Waits until the server answers <c>/api/status</c> with 200 (and, when <paramref name="state"/> is given, that
    /// indexing state) and returns the answer; throws when the server ends first or <paramref name="limit"/> passes.
    /// </summary>
    public static async Task<JsonElement> WaitForAsync(CliProcess server, int port, TimeSpan limit, string? state = null, string? token = null)
    {
        using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(10) };
        if (token is not null) client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var clock = Stopwatch.StartNew();
        string last = "no answer";
        while (clock.Elapsed < limit)
        {
            if (server.HasExited) throw new InvalidOperationException($"serve exited with {server.ExitCode}:\n{server.Output}");
            try
            {
                using HttpResponseMessage response = await client.GetAsync("/api/status");
                last = $"{(int)response.StatusCode}";
                if (response.IsSuccessStatusCode)
                {
                    JsonElement status = (await response.Content.ReadFromJsonAsync<JsonElement>()).Clone();
                    last += $" {status}";
                    if (state is null || status.GetProperty("state").GetString() == state) return status;
                }
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                // not listening yet
            }
            await Task.Delay(100);
        }
        throw new TimeoutException($"no /api/status{(state is null ? "" : $" in state {state}")} within {limit} (last: {last}):\n{server.Output}");
    }
}
