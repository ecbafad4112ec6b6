// A hand-written HTTP/1.1 server on a raw socket: HttpListener and Kestrel cannot cut a connection at an exact byte
// of a response body, and the resume tests need exactly that.
using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;

namespace VideoSearch.Core.Tests.Hub;

/// <summary>
/// Serves repositories on 127.0.0.1 the way huggingface.co does: <c>/{org}/{name}/resolve/{revision}/{file}</c> answers
/// small files directly (ETag = git blob id) and large (LFS) files with a 302 to <c>/cdn/{sha256}</c> carrying
/// X-Linked-Etag and X-Linked-Size; every answer carries X-Repo-Commit; absent files answer 404 EntryNotFound.
/// </summary>
internal sealed class FakeHubServer : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;
    private readonly ConcurrentDictionary<string, (string File, byte[] Content)> _blobsBySha = new();
    private readonly Dictionary<string, Dictionary<string, byte[]>> _commits = [];
    private readonly Dictionary<string, string> _refs = [];
    private readonly ConcurrentDictionary<string, int> _cuts = new();

    public FakeHubServer(string repoId)
    {
        RepoId = repoId;
        _listener.Start();
        _loop = Task.Run(AcceptLoopAsync);
    }

    public string RepoId { get; }

    public Uri Endpoint => new($"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}");

    public ConcurrentQueue<RecordedRequest> Requests { get; } = new();

    /// <summary>When set, resolve requests without <c>Authorization: Bearer {token}</c> answer 401.</summary>
    public string? RequiredToken { get; set; }

    /// <summary>When true, GETs ignore Range and always send the whole file with 200.</summary>
    public bool IgnoreRange { get; set; }

    /// <summary>When set, CDN GETs send headers and this many body bytes, then stop sending without closing.</summary>
    public long? StallAfter { get; set; }

    /// <summary>When set, CDN answers send these bytes instead of the real content (same headers).</summary>
    public byte[]? CorruptBody { get; set; }

    /// <summary>The host name the CDN redirect points at; another name than 127.0.0.1 makes it a different host for the client.</summary>
    public string CdnHost { get; set; } = "127.0.0.1";

    /// <summary>Names the files treated as LFS (served through the CDN redirect).</summary>
    public HashSet<string> LfsFiles { get; } = ["model.safetensors"];

    /// <summary>Publishes a commit holding <paramref name="files"/>, pointed at by <paramref name="refs"/>.</summary>
    public void AddCommit(string commit, IReadOnlyDictionary<string, byte[]> files, params string[] refs)
    {
        _commits[commit] = new Dictionary<string, byte[]>(files);
        foreach (string name in refs) _refs[name] = commit;
        foreach ((string file, byte[] content) in files) _blobsBySha[Sha256(content)] = (file, content);
    }

    /// <summary>The next GET of <paramref name="file"/>'s bytes is cut (connection reset) after <paramref name="bytes"/> bytes of body.</summary>
    public void CutNextDownload(string file, int bytes) => _cuts[file] = bytes;

    public int Count(string method, string pathPart) => Requests.Count(r => r.Method == method && r.Path.Contains(pathPart, StringComparison.Ordinal));

    public static string Sha256(byte[] content) => Convert.ToHexStringLower(SHA256.HashData(content));

    public static string GitBlobId(byte[] content) =>
        Convert.ToHexStringLower(SHA1.HashData([.. Encoding.ASCII.GetBytes($"blob {content.Length}\0"), .. content]));

    public async ValueTask DisposeAsync()
    {
        _stop.Cancel();
        _listener.Stop();
        try { await _loop; } catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException) { }
        _stop.Dispose();
    }

    private async Task AcceptLoopAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            Socket socket = await _listener.AcceptSocketAsync(_stop.Token);
            _ = Task.Run(() => ServeAsync(socket));
        }
    }

    private async Task ServeAsync(Socket socket)
    {
        using (socket)
        {
            try
            {
                await using var stream = new NetworkStream(socket, ownsSocket: false);
                RecordedRequest? request = await ReadRequestAsync(stream);
                if (request is null) return;
                Requests.Enqueue(request);
                await RespondAsync(socket, stream, request);
            }
            catch (Exception e) when (e is IOException or SocketException or OperationCanceledException)
            {
                // The client went away; nothing to answer.
            }
        }
    }

    private static async Task<RecordedRequest?> ReadRequestAsync(NetworkStream stream)
    {
        var head = new List<byte>();
        var one = new byte[1];
        while (!(head.Count >= 4 && head[^4] == '\r' && head[^3] == '\n' && head[^2] == '\r' && head[^1] == '\n'))
        {
            if (await stream.ReadAsync(one) == 0) return null;
            head.Add(one[0]);
        }
        string[] lines = Encoding.ASCII.GetString([.. head]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        string[] requestLine = lines[0].Split(' ');
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (string line in lines.Skip(1))
        {
            int colon = line.IndexOf(':');
            headers[line[..colon].Trim()] = line[(colon + 1)..].Trim();
        }
        return new RecordedRequest(requestLine[0], requestLine[1], headers);
    }

    private async Task RespondAsync(Socket socket, NetworkStream stream, RecordedRequest request)
    {
        string path = Uri.UnescapeDataString(request.Path);
        if (path.StartsWith("/cdn/", StringComparison.Ordinal))
        {
            string sha = path["/cdn/".Length..];
            if (!_blobsBySha.TryGetValue(sha, out (string File, byte[] Content) blob)) { await WriteAsync(stream, 404, [], null); return; }
            await SendContentAsync(socket, stream, request, blob.File, CorruptBody ?? blob.Content, new() { ["ETag"] = $"\"{sha}\"" }, isCdn: true);
            return;
        }

        string prefix = $"/{RepoId}/resolve/";
        if (!path.StartsWith(prefix, StringComparison.Ordinal))
        {
            await WriteAsync(stream, 401, new() { ["X-Error-Code"] = "RepoNotFound" }, null);
            return;
        }
        if (RequiredToken is not null && (!request.Headers.TryGetValue("Authorization", out string? auth) || auth != $"Bearer {RequiredToken}"))
        {
            await WriteAsync(stream, 401, new() { ["X-Error-Code"] = "GatedRepo" }, null);
            return;
        }

        // The revision may itself contain slashes (refs/pr/3); the repository files here have none.
        string rest = path[prefix.Length..];
        int lastSlash = rest.LastIndexOf('/');
        string revision = rest[..lastSlash], fileName = rest[(lastSlash + 1)..];
        string? commit = _commits.ContainsKey(revision) ? revision : _refs.GetValueOrDefault(revision);
        if (commit is null) { await WriteAsync(stream, 404, new() { ["X-Error-Code"] = "RevisionNotFound" }, null); return; }
        var headers = new Dictionary<string, string> { ["X-Repo-Commit"] = commit };
        if (!_commits[commit].TryGetValue(fileName, out byte[]? content))
        {
            headers["X-Error-Code"] = "EntryNotFound";
            await WriteAsync(stream, 404, headers, null);
            return;
        }

        if (LfsFiles.Contains(fileName))
        {
            string sha = Sha256(content);
            headers["X-Linked-Etag"] = $"\"{sha}\"";
            headers["X-Linked-Size"] = content.Length.ToString();
            headers["ETag"] = $"\"{GitBlobId(Encoding.ASCII.GetBytes("pointer " + sha))}\"";
            headers["Location"] = $"http://{CdnHost}:{Endpoint.Port}/cdn/{sha}";
            await WriteAsync(stream, 302, headers, null);
            return;
        }
        headers["ETag"] = $"\"{GitBlobId(content)}\"";
        await SendContentAsync(socket, stream, request, fileName, content, headers, isCdn: false);
    }

    private async Task SendContentAsync(Socket socket, NetworkStream stream, RecordedRequest request, string file, byte[] content, Dictionary<string, string> headers, bool isCdn)
    {
        headers["Accept-Ranges"] = "bytes";
        long from = 0;
        int status = 200;
        if (!IgnoreRange && request.Headers.TryGetValue("Range", out string? range) && range.StartsWith("bytes=", StringComparison.Ordinal) && range.EndsWith('-'))
        {
            from = long.Parse(range["bytes=".Length..^1]);
            if (from >= content.Length) { await WriteAsync(stream, 416, new() { ["Content-Range"] = $"bytes */{content.Length}" }, null); return; }
            status = 206;
            headers["Content-Range"] = $"bytes {from}-{content.Length - 1}/{content.Length}";
        }
        byte[] body = content[(int)from..];
        if (request.Method == "HEAD") { await WriteAsync(stream, status, headers, null, body.Length); return; }

        if (_cuts.TryRemove(file, out int cutAfter))
        {
            await WriteAsync(stream, status, headers, body[..cutAfter], body.Length);
            // Reset instead of a clean close, like a dropped link: the client sees an error mid-body.
            socket.LingerState = new LingerOption(true, 0);
            return;
        }
        if (isCdn && StallAfter is { } stall)
        {
            await WriteAsync(stream, status, headers, body[..(int)stall], body.Length);
            await Task.Delay(Timeout.Infinite, _stop.Token);
        }
        await WriteAsync(stream, status, headers, body);
    }

    private static async Task WriteAsync(NetworkStream stream, int status, Dictionary<string, string> headers, byte[]? body, long? contentLength = null)
    {
        var head = new StringBuilder($"HTTP/1.1 {status} {ReasonPhrase(status)}\r\n");
        foreach ((string name, string value) in headers) head.Append($"{name}: {value}\r\n");
        head.Append($"Content-Length: {contentLength ?? body?.Length ?? 0}\r\nConnection: close\r\n\r\n");
        await stream.WriteAsync(Encoding.ASCII.GetBytes(head.ToString()));
        if (body is not null) await stream.WriteAsync(body);
        await stream.FlushAsync();
    }

    private static string ReasonPhrase(int status) => status switch
    {
        200 => "OK", 206 => "Partial Content", 302 => "Found", 401 => "Unauthorized", 404 => "Not Found", 416 => "Range Not Satisfiable", _ => "Status",
    };
}
