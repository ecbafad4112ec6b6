using VideoSearch.Core.Errors;

namespace VideoSearch.Web.Hosting;

/// <summary>The web server could not listen on an address (in use, not permitted, not on this machine); the message says which and what to do.</summary>
public sealed class WebServerBindException : VideoSearchException
{
    /// <summary>Creates the exception for <paramref name="address"/>.</summary>
    /// <param name="address">The address that could not be listened on, e.g. <c>http://127.0.0.1:5080</c>.</param>
    /// <param name="reason">Why, in words, e.g. "the address is already in use (another videosearch serve?)".</param>
    /// <param name="inner">Kestrel's failure.</param>
    public WebServerBindException(string address, string reason, Exception? inner = null)
        : base(ErrorKind.Environment, $"Cannot listen on {address}: {reason}. Choose another with --urls.", inner)
    {
        Address = address;
    }

    /// <summary>The address that could not be listened on.</summary>
    public string Address { get; }
}
