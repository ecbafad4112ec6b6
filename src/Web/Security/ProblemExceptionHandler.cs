using System.Data.Common;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using VideoSearch.Core.Errors;

namespace VideoSearch.Web.Security;

/// <summary>
/// Turns an exception into a ProblemDetails answer carrying a title, a status and a trace id, never a stack trace or
/// a server path. The project's own failures (<see cref="VideoSearchException"/>) answer by their
/// <see cref="ErrorKind"/> with their <see cref="VideoSearchException.PublicMessage"/>; anything else is a bug and
/// answers 500 with no detail beyond the trace id, the exception going to the log only.
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
            VideoSearchException ours => (StatusOf(ours.Kind), TitleOf(ours.Kind), ours.PublicMessage),
            // Malformed input the framework could not bind (e.g. top=abc): its message names the parameter only.
            BadHttpRequestException bad => (bad.StatusCode, "Bad request", bad.Message),
            // The services' way of saying an id is unknown (e.g. search by example with a missing clip).
            KeyNotFoundException => (StatusCodes.Status404NotFound, "Not found", "Nothing has this id."),
            // The disk or the database under the library failed (full, unreadable, damaged): not the request's fault,
            // and not a bug; their messages name server files, so only the log has them.
            IOException or UnauthorizedAccessException or DbException => (StatusCodes.Status503ServiceUnavailable,
                "The service is unavailable", "The server could not read or write its library; the error was logged with this request's trace id."),
            _ => (StatusCodes.Status500InternalServerError, "An unexpected error occurred", "The error was logged with this request's trace id."),
        };
        if (status >= 500) LogFailure(logger, exception, context.Request.Method, context.Request.Path, status);

        context.Response.StatusCode = status;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = { Status = status, Title = title, Detail = detail },
        });
    }

    /// <summary>
    /// The one table from a failure's kind to its HTTP status. Everything the server cannot help (a missing tool, a
    /// library in use, damaged data, work that failed) is 503: the request was fine and may succeed later.
    /// </summary>
    internal static int StatusOf(ErrorKind kind) => kind switch
    {
        ErrorKind.InvalidInput => StatusCodes.Status400BadRequest,
        ErrorKind.NotFound => StatusCodes.Status404NotFound,
        ErrorKind.Environment or ErrorKind.InUse or ErrorKind.Corrupt or ErrorKind.Failed => StatusCodes.Status503ServiceUnavailable,
        _ => StatusCodes.Status500InternalServerError,
    };

    private static string TitleOf(ErrorKind kind) => kind switch
    {
        ErrorKind.InvalidInput => "The request is invalid.",
        ErrorKind.NotFound => "Not found",
        ErrorKind.InUse => "The library is in use",
        ErrorKind.Corrupt => "The library is damaged",
        _ => "The service is unavailable",
    };

    [LoggerMessage(Level = LogLevel.Error, Message = "Error on {Method} {Path}, answered {Status}")]
    private static partial void LogFailure(ILogger logger, Exception exception, string method, string path, int status);
}
