using Microsoft.Extensions.Options;

namespace VideoSearch.Indexer;

/// <summary>Validates <see cref="IndexerOptions"/> at start, listing every problem at once.</summary>
internal sealed class IndexerOptionsValidator : IValidateOptions<IndexerOptions>
{
    public ValidateOptionsResult Validate(string? name, IndexerOptions options)
    {
        IReadOnlyList<string> problems = options.Problems();
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
