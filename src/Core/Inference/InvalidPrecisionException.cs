using VideoSearch.Core.Errors;

namespace VideoSearch.Core.Inference;

/// <summary>A precision setting that is not <c>auto</c>, <c>bf16</c> or <c>fp32</c>.</summary>
public sealed class InvalidPrecisionException(string value)
    : VideoSearchException(ErrorKind.InvalidInput,
        $"The precision '{value}' is not one of {string.Join(", ", PrecisionChoice.Names)} (Model:Precision, --precision).");
