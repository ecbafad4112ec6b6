using VideoSearch.Core.Errors;

namespace VideoSearch.Core.Hub;

/// <summary>A <c>--model</c> value is neither an existing model folder nor a valid Hugging Face hub id.</summary>
public sealed class ModelReferenceException(string message) : VideoSearchException(ErrorKind.InvalidInput, message);
