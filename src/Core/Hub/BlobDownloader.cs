using System.Diagnostics;
using System.Net;
using System.Security.Cryptography;

namespace VideoSearch.Core.Hub;

/// <summary>
/// Downloads one blob into the cache: under a lock, into <c>blobs/&lt;etag&gt;.incomplete</c>, resuming a partial file
/// with a Range request, checking size (and the sha256 that LFS etags are), then renaming it into place in one step.
/// </summary>
internal sealed class BlobDownloader(HubOptions options, HuggingFaceCache cache, HubHttpClient client)
{
    private static readonly TimeSpan s_reportInterval = TimeSpan.FromMilliseconds(100);

    /// <summary>Ensures <c>blobs/&lt;etag&gt;</c> holds the file described by <paramref name="metadata"/>.</summary>
    public async Task FetchAsync(ModelReference model, string file, HubFileMetadata metadata, IProgress<DownloadProgress>? progress, CancellationToken cancellationToken)
    {
        string etag = metadata.Etag!;
        string blob = cache.BlobPath(model, etag);
        if (IsComplete(blob, metadata.Size)) return;

        using (await CacheFileLock.AcquireAsync(cache.LockPath(model, etag), cancellationToken).ConfigureAwait(false))
        {
            // Another process may have finished this blob while we waited for the lock.
            if (IsComplete(blob, metadata.Size)) return;
            Directory.CreateDirectory(Path.GetDirectoryName(blob)!);
            string partial = cache.IncompletePath(model, etag);
            await DownloadAsync(partial, model, file, metadata, progress, cancellationToken).ConfigureAwait(false);
            await VerifyAsync(partial, file, metadata, cancellationToken).ConfigureAwait(false);
            File.Move(partial, blob, overwrite: true);
        }
    }

    private static bool IsComplete(string blob, long? size) =>
        File.Exists(blob) && (size is null || new FileInfo(blob).Length == size);

    private async Task DownloadAsync(string partial, ModelReference model, string file, HubFileMetadata metadata, IProgress<DownloadProgress>? progress, CancellationToken cancellationToken)
    {
        long offset = File.Exists(partial) ? new FileInfo(partial).Length : 0;
        if (metadata.Size is { } size && offset > size) offset = 0;
        if (metadata.Size is { } whole && offset == whole && whole > 0) return;

        using HttpResponseMessage response = await RequestAsync(model, file, metadata, offset, cancellationToken).ConfigureAwait(false);
        if (offset > 0 && !ContinuesAt(response, offset)) offset = 0; // the server sent the whole file: start over

        long? total = metadata.Size ?? (response.StatusCode == HttpStatusCode.PartialContent
            ? response.Content.Headers.ContentRange?.Length
            : response.Content.Headers.ContentLength);
        await using Stream body = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        await using var output = new FileStream(partial, offset > 0 ? FileMode.Append : FileMode.Create, FileAccess.Write, FileShare.Read, 1 << 16, FileOptions.Asynchronous);
        await CopyAsync(body, output, file, partial, offset, total, progress, cancellationToken).ConfigureAwait(false);
    }

    private async Task<HttpResponseMessage> RequestAsync(ModelReference model, string file, HubFileMetadata metadata, long offset, CancellationToken cancellationToken)
    {
        HttpResponseMessage response = await client.GetAsync(metadata.DownloadUrl, offset, model, metadata.Commit!, file, cancellationToken).ConfigureAwait(false);
        if (response.StatusCode != HttpStatusCode.RequestedRangeNotSatisfiable) return response;
        // The partial file no longer fits what the server holds: ask for the whole file.
        response.Dispose();
        return await client.GetAsync(metadata.DownloadUrl, 0, model, metadata.Commit!, file, cancellationToken).ConfigureAwait(false);
    }

    private static bool ContinuesAt(HttpResponseMessage response, long offset) =>
        response.StatusCode == HttpStatusCode.PartialContent && response.Content.Headers.ContentRange is { From: { } from } && from == offset;

    private async Task CopyAsync(Stream body, FileStream output, string file, string partial, long offset, long? total, IProgress<DownloadProgress>? progress, CancellationToken cancellationToken)
    {
        byte[] buffer = new byte[1 << 16];
        long received = offset;
        var clock = Stopwatch.StartNew();
        TimeSpan lastReport = TimeSpan.Zero;
        double Rate() => clock.Elapsed.TotalSeconds > 0 ? (received - offset) / clock.Elapsed.TotalSeconds : 0;
        progress?.Report(new DownloadProgress(file, received, total, 0));

        using var idle = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        while (true)
        {
            int read;
            try
            {
                idle.CancelAfter(options.ReadTimeout);
                read = await body.ReadAsync(buffer, idle.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException e) when (!cancellationToken.IsCancellationRequested)
            {
                throw new HubDownloadException(
                    $"No data arrived for {options.ReadTimeout.TotalSeconds:0} s while downloading {file} ({Of(received, total)} kept in {partial}); run again to resume.", e);
            }
            catch (IOException e)
            {
                throw new HubDownloadException(
                    $"The connection was cut while downloading {file} ({Of(received, total)} kept in {partial}); run again to resume.", e);
            }
            if (read == 0) break;
            await output.WriteAsync(buffer.AsMemory(0, read), cancellationToken).ConfigureAwait(false);
            received += read;
            if (progress is not null && clock.Elapsed - lastReport >= s_reportInterval)
            {
                lastReport = clock.Elapsed;
                progress.Report(new DownloadProgress(file, received, total, Rate()));
            }
        }
        progress?.Report(new DownloadProgress(file, received, total, Rate()));
    }

    private static async Task VerifyAsync(string partial, string file, HubFileMetadata metadata, CancellationToken cancellationToken)
    {
        long length = new FileInfo(partial).Length;
        if (metadata.Size is { } size && length != size)
        {
            // A short file can still be resumed; a long one cannot be the announced file.
            if (length > size) File.Delete(partial);
            throw new HubDownloadException($"{file} arrived with {length} bytes but the hub announced {size}; run again to {(length > size ? "download it again" : "resume")}.");
        }
        // Large (LFS) files are named by their sha256, so a resumed download can be checked end to end.
        if (metadata.Etag is { Length: 64 } etag && etag.All(Uri.IsHexDigit))
        {
            byte[] hash;
            await using (var stream = new FileStream(partial, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.Asynchronous | FileOptions.SequentialScan))
            {
                hash = await SHA256.HashDataAsync(stream, cancellationToken).ConfigureAwait(false);
            }
            if (!Convert.ToHexStringLower(hash).Equals(etag, StringComparison.OrdinalIgnoreCase))
            {
                File.Delete(partial);
                throw new HubDownloadException($"{file} does not match its sha256 {etag} (got {Convert.ToHexStringLower(hash)}); the partial file was removed, run again to download it afresh.");
            }
        }
    }

    private static string Of(long received, long? total) => total is { } t ? $"{received:N0} of {t:N0} bytes" : $"{received:N0} bytes";
}
