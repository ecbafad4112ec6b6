using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace VideoSearch.Web.Security;

/// <summary>
/// Turns an exception into a ProblemDetails answer carrying a title, a status and a trace id, never the exception's
/// text or stack: the details go to the log only.
/// </summary>
internal sealed partial class ProblemExceptionHandler(IProblemDetailsService problems, ILogger<ProblemExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is OperationCanceledException && context.RequestAborted.IsCancellationRequested)
        {
            // The client went away; there is nobody to answer.
            context.Response.StatusCode = 499;
            return true;
        }

        (int status, string title, string? detail) = exception switch
        {
            // Malformed input the framework could not bind (e.g. top=abc): its message names the parameter only.
            BadHttpRequestException bad => (bad.StatusCode, "Bad request", bad.Message),
            // The services' way of saying an id is unknown (e.g. search by example with a missing clip).
            KeyNotFoundException => (StatusCodes.Status404NotFound, "Not found", "Nothing has this id."),
            _ => (StatusCodes.Status500InternalServerError, "An unexpected error occurred", "The error was logged with this request's trace id."),
        };
        if (status >= 500) LogUnhandled(logger, exception, context.Request.Method, context.Request.Path);

        context.Response.StatusCode = status;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = { Status = status, Title = title, Detail = detail },
        });
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Unhandled error on {Method} {Path}")]
    private static partial void LogUnhandled(ILogger logger, Exception exception, string method, string path);
}
