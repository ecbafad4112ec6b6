using VideoSearch.Core.Errors;

namespace VideoSearch.Core.Model;

/// <summary>An X-CLIP model was given inputs of the wrong shape, type or length; the message names the values.</summary>
public sealed class XClipInputException : VideoSearchException
{
    /// <summary>Creates the exception with a message naming the offending input.</summary>
    public XClipInputException(string message) : base(ErrorKind.InvalidInput, message) { }
}
