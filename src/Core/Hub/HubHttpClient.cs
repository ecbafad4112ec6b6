using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;

namespace VideoSearch.Core.Hub;

/// <summary>
/// The HTTP side of hub downloads: builds resolve URLs, follows redirects the way huggingface_hub does (metadata
/// from the first absolute redirect, the token only ever sent to the hub's own host), applies timeouts, and turns
/// HTTP statuses and network failures into typed <see cref="HubException"/>s.
/// </summary>
internal sealed class HubHttpClient : IDisposable
{
    private const int MaxRedirects = 10;
    private readonly HubOptions _options;
    private readonly HttpClient _http;

    public HubHttpClient(HubOptions options)
    {
        _options = options;
        var handler = new SocketsHttpHandler
        {
            // Redirects are followed by hand: the hub's redirect response carries the file's metadata headers.
            AllowAutoRedirect = false,
            AutomaticDecompression = DecompressionMethods.None,
            ConnectTimeout = options.ConnectTimeout,
            UseCookies = false,
        };
        // Per-request timeouts below; a whole-download timeout would cut large files on slow links.
        _http = new HttpClient(handler) { Timeout = Timeout.InfiniteTimeSpan };
        _http.DefaultRequestHeaders.UserAgent.Add(new ProductInfoHeaderValue("videosearch", "1.0"));
    }

    public Uri ResolveUrl(ModelReference model, string revision, string file) =>
        new($"{_options.Endpoint.AbsoluteUri.TrimEnd('/')}/{model.Organisation}/{model.Name}/resolve/{Uri.EscapeDataString(revision)}/{file}");

    /// <summary>HEADs the resolve URL. Relative redirects (a renamed repository) are followed; an absolute one points at the CDN and ends the walk.</summary>
    public async Task<HubFileMetadata> GetMetadataAsync(ModelReference model, string revision, string file, CancellationToken cancellationToken)
    {
        Uri resolveUrl = ResolveUrl(model, revision, file);
        Uri current = resolveUrl;
        for (int hop = 0; ; hop++)
        {
            using HttpResponseMessage response = await SendAsync(HttpMethod.Head, current, 0, cancellationToken).ConfigureAwait(false);
            int status = (int)response.StatusCode;
            if (status is >= 300 and < 400 && response.Headers.Location is { } location)
            {
                if (!location.IsAbsoluteUri && hop < MaxRedirects)
                {
                    current = new Uri(current, location);
                    continue;
                }
                return Metadata(resolveUrl, new Uri(current, location), response);
            }
            if (status == 404)
            {
                return new HubFileMetadata(resolveUrl, current, false, Header(response, "X-Repo-Commit"), null, null, Header(response, "X-Error-Code"));
            }
            ThrowForStatus(response, model, revision, file, current);
            return Metadata(resolveUrl, current, response);
        }
    }

    /// <summary>GETs the bytes, from <paramref name="offset"/> on when it is positive; answers 200, 206 or 416 (range not satisfiable).</summary>
    public async Task<HttpResponseMessage> GetAsync(Uri url, long offset, ModelReference model, string revision, string file, CancellationToken cancellationToken)
    {
        Uri current = url;
        for (int hop = 0; ; hop++)
        {
            HttpResponseMessage response = await SendAsync(HttpMethod.Get, current, offset, cancellationToken).ConfigureAwait(false);
            int status = (int)response.StatusCode;
            if (status is >= 300 and < 400 && response.Headers.Location is { } location && hop < MaxRedirects)
            {
                response.Dispose();
                current = new Uri(current, location);
                continue;
            }
            if (status == (int)HttpStatusCode.RequestedRangeNotSatisfiable && offset > 0) return response;
            if (!response.IsSuccessStatusCode)
            {
                using (response) ThrowForStatus(response, model, revision, file, current);
            }
            return response;
        }
    }

    public void Dispose() => _http.Dispose();

    private async Task<HttpResponseMessage> SendAsync(HttpMethod method, Uri url, long offset, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, url);
        // The token is for the hub only; a CDN or any other host it redirects to never sees it.
        if (SendsToken(url)) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _options.Token);
        if (offset > 0) request.Headers.Range = new RangeHeaderValue(offset, null);
        // Sizes and checksums are of the stored bytes, so no transfer compression (huggingface_hub asks for identity too).
        request.Headers.AcceptEncoding.Add(new StringWithQualityHeaderValue("identity"));

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_options.ResponseTimeout);
        string host = url.GetLeftPart(UriPartial.Authority);
        try
        {
            return await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            throw new HubUnreachableException(host, $"no answer within {_options.ResponseTimeout.TotalSeconds:0} s", e);
        }
        catch (HttpRequestException e)
        {
            throw new HubUnreachableException(host, Reason(e), e);
        }
    }

    private bool SendsToken(Uri url) =>
        _options.Token is not null && url.Scheme == _options.Endpoint.Scheme && url.Authority == _options.Endpoint.Authority;

    private void ThrowForStatus(HttpResponseMessage response, ModelReference model, string revision, string file, Uri url)
    {
        int status = (int)response.StatusCode;
        if (response.IsSuccessStatusCode) return;
        if (status is 401 or 403)
            throw new HubAuthenticationException(model.RepoId!, url.ToString(), status, tokenSent: SendsToken(url));
        if (status == 404)
            throw new HubFileNotFoundException(model.RepoId!, revision, file, url.ToString(), Header(response, "X-Error-Code"));
        throw new HubDownloadException($"The hub answered {status} {response.ReasonPhrase} for {url} ({file} of {model.RepoId}@{revision}).");
    }

    private static HubFileMetadata Metadata(Uri resolveUrl, Uri downloadUrl, HttpResponseMessage response)
    {
        string? etag = Header(response, "X-Linked-Etag") ?? Header(response, "ETag");
        string? size = Header(response, "X-Linked-Size");
        long? length = long.TryParse(size, out long linked) ? linked : response.Content.Headers.ContentLength;
        return new HubFileMetadata(resolveUrl, downloadUrl, true, Header(response, "X-Repo-Commit"), NormaliseEtag(etag), length, null);
    }

    // As huggingface_hub's _normalize_etag: weak validators and quotes are not part of the blob name.
    private static string? NormaliseEtag(string? etag)
    {
        if (etag is null) return null;
        string value = etag.StartsWith("W/", StringComparison.Ordinal) ? etag[2..] : etag;
        return value.Trim('"');
    }

    private static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out IEnumerable<string>? values) ? values.FirstOrDefault() : null;

    private static string Reason(HttpRequestException e) => e.HttpRequestError switch
    {
        HttpRequestError.NameResolutionError => "the host name could not be resolved",
        HttpRequestError.ConnectionError when e.InnerException is SocketException socket => $"connection failed: {socket.SocketErrorCode}",
        HttpRequestError.SecureConnectionError => "the TLS handshake failed",
        _ => e.Message,
    };
}
