using VideoSearch.Core.Errors;

namespace VideoSearch.Web.Hosting;

/// <summary>The web server's settings are invalid (e.g. a non-loopback address without an access token); it refuses to start.</summary>
public sealed class WebServerConfigurationException : VideoSearchException
{
    /// <summary>Creates the exception listing every problem found.</summary>
    public WebServerConfigurationException(IReadOnlyList<string> problems)
        : base(ErrorKind.InvalidInput, "Invalid web server settings (section 'Web'): " + string.Join(" ", problems))
    {
        Problems = problems;
    }

    /// <summary>Each problem, in words.</summary>
    public IReadOnlyList<string> Problems { get; }
}
