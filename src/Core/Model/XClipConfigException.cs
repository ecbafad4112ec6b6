using VideoSearch.Core.Errors;

namespace VideoSearch.Core.Model;

/// <summary>An X-CLIP configuration is unreadable, names an unsupported option or has dimensions that do not fit together.</summary>
public sealed class XClipConfigException : VideoSearchException
{
    /// <summary>Creates the exception with a message naming the offending field and values.</summary>
    public XClipConfigException(string message) : base(ErrorKind.InvalidInput, message) { }

    /// <summary>Creates the exception with a message and the parser's error.</summary>
    public XClipConfigException(string message, Exception inner) : base(ErrorKind.InvalidInput, message, inner) { }
}
