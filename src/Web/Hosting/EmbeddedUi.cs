using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Extensions.FileProviders;

namespace VideoSearch.Web.Hosting;

/// <summary>Serves the page (index.html, app.css, app.js) from resources embedded in this assembly.</summary>
internal static class EmbeddedUi
{
    private const string ResourcePrefix = "VideoSearch.Web.wwwroot";

    public static IApplicationBuilder UseVideoSearchUi(this IApplicationBuilder app)
    {
        var files = new EmbeddedFileProvider(typeof(EmbeddedUi).Assembly, ResourcePrefix);
        app.UseDefaultFiles(new DefaultFilesOptions { FileProvider = files });
        app.UseStaticFiles(new StaticFileOptions
        {
            FileProvider = files,
            ContentTypeProvider = new FileExtensionContentTypeProvider(),
            // The page is small and changes with each release: revalidate rather than cache stale script.
            OnPrepareResponse = r => r.Context.Response.Headers.CacheControl = "no-cache",
        });
        return app;
    }
}
