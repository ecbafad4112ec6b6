using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace VideoSearch.Web.Endpoints;

/// <summary>
/// An uploaded example video or image, written to a private temporary file for the media tools to read: never into a media
/// folder, never kept (deleted on dispose), and cut off at <see cref="MaxBytes"/>.
/// </summary>
internal sealed class ExampleUpload : IAsyncDisposable
{
    /// <summary>The largest accepted upload (a short clip is what an example needs).</summary>
    public const long MaxBytes = 100L * 1024 * 1024;

    private ExampleUpload(string path) => FilePath = path;

    /// <summary>The temporary file.</summary>
    public string FilePath { get; }

    /// <summary>Still-image types accepted besides video: an image is searched as a clip whose frames are all that picture.</summary>
    public static readonly IReadOnlyList<string> ImageTypes = ["image/jpeg", "image/png", "image/webp"];

    /// <summary>
    /// Whether <paramref name="contentType"/> is a body this endpoint reads (a video, a JPEG, PNG or WebP image, or raw
    /// bytes). The type only gates the request; what the file really is, ffprobe decides.
    /// </summary>
    public static bool Accepts(string? contentType) =>
        contentType is not null
        && (contentType.StartsWith("video/", StringComparison.OrdinalIgnoreCase)
            || contentType.StartsWith("application/octet-stream", StringComparison.OrdinalIgnoreCase)
            || ImageTypes.Any(t => contentType.StartsWith(t, StringComparison.OrdinalIgnoreCase)));

    /// <summary>Copies the request body into a new temporary file; null when it is larger than <see cref="MaxBytes"/>.</summary>
    public static async Task<ExampleUpload?> SaveAsync(HttpContext context, CancellationToken cancellationToken)
    {
        if (context.Request.ContentLength > MaxBytes) return null;
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit) limit.MaxRequestBodySize = MaxBytes;
        string folder = Path.Combine(Path.GetTempPath(), "videosearch-examples");
        Directory.CreateDirectory(folder);
        var upload = new ExampleUpload(Path.Combine(folder, Guid.NewGuid().ToString("N") + ".upload"));
        try
        {
            await using var file = new FileStream(upload.FilePath, FileMode.CreateNew, FileAccess.Write, FileShare.None,
                81920, FileOptions.Asynchronous);
            var buffer = new byte[81920];
            long total = 0;
            int read;
            while ((read = await context.Request.Body.ReadAsync(buffer, cancellationToken)) > 0)
            {
                total += read;
                // A body without Content-Length (chunked) is counted here.
                if (total > MaxBytes)
                {
                    await file.DisposeAsync();
                    await upload.DisposeAsync();
                    return null;
                }
                await file.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
            }
            return upload;
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            await upload.DisposeAsync();
            return null;
        }
        catch
        {
            await upload.DisposeAsync();
            throw;
        }
    }

    /// <summary>Deletes the temporary file.</summary>
    public ValueTask DisposeAsync()
    {
        try
        {
            File.Delete(FilePath);
        }
        catch (IOException)
        {
            // The temporary folder is the system's to clean; a file that cannot be deleted now is left to it.
        }
        return ValueTask.CompletedTask;
    }
}
