using VideoSearch.Search.Contracts;

namespace VideoSearch.Search.Tests;

public sealed class SearchRequestValidatorTests
{
    private static readonly SearchOptions Options = new() { MaxTop = 50, MaxOffset = 200, MaxQueryLength = 20 };

    [Fact]
    public void FindProblems_ValidRequest_IsEmpty()
    {
        var request = new SearchRequest("a dog", 50, 200, new SearchFilters(null, 0, 0, DateTimeOffset.MinValue, DateTimeOffset.MaxValue));

        Assert.Empty(SearchRequestValidator.FindProblems(request, Options));
    }

    [Theory]
    [InlineData("", 10, 0, nameof(SearchRequest.Query))]
    [InlineData("  \t", 10, 0, nameof(SearchRequest.Query))]
    [InlineData("twenty-one characters", 10, 0, nameof(SearchRequest.Query))]
    [InlineData("dog", 0, 0, nameof(SearchRequest.Top))]
    [InlineData("dog", 51, 0, nameof(SearchRequest.Top))]
    [InlineData("dog", 10, -1, nameof(SearchRequest.Offset))]
    [InlineData("dog", 10, 201, nameof(SearchRequest.Offset))]
    public void FindProblems_OutOfRange_NamesTheProperty(string query, int top, int offset, string property)
    {
        var problems = SearchRequestValidator.FindProblems(new SearchRequest(query, top, offset), Options);

        Assert.Equal(property, Assert.Single(problems).Key);
    }

    [Fact]
    public void FindProblems_TopOverTheConfiguredLimit_MessageGivesTheLimit()
    {
        var problems = SearchRequestValidator.FindProblems(new SearchRequest("dog", 51), Options);

        Assert.Equal("top must be between 1 and 50 (is 51).", problems[nameof(SearchRequest.Top)]);
    }

    [Theory]
    [InlineData(-1.0, null, nameof(SearchFilters.MinDurationSeconds))]
    [InlineData(double.NaN, null, nameof(SearchFilters.MinDurationSeconds))]
    [InlineData(null, double.PositiveInfinity, nameof(SearchFilters.MaxDurationSeconds))]
    [InlineData(10.0, 5.0, nameof(SearchFilters.MaxDurationSeconds))]
    public void FindPageProblems_BadDurations_NameTheFilter(double? min, double? max, string property)
    {
        var problems = SearchRequestValidator.FindPageProblems(10, new SearchFilters(null, min, max), Options);

        Assert.Equal(property, Assert.Single(problems).Key);
    }

    [Fact]
    public void FindPageProblems_AfterNotBeforeBefore_NamesModifiedBefore()
    {
        var instant = new DateTimeOffset(2262, 4, 12, 0, 0, 0, TimeSpan.Zero);

        var problems = SearchRequestValidator.FindPageProblems(10, new SearchFilters(ModifiedAfter: instant, ModifiedBefore: instant), Options);

        Assert.Equal(nameof(SearchFilters.ModifiedBefore), Assert.Single(problems).Key);
    }

    [Fact]
    public void Validate_SeveralProblems_ThrowsInvalidInputNamingEach()
    {
        var e = Assert.Throws<SearchQueryException>(() => SearchRequestValidator.Validate(new SearchRequest("", 0, -5), Options));

        Assert.Equal(Core.Errors.ErrorKind.InvalidInput, e.Kind);
        Assert.Contains("query is empty", e.Message);
        Assert.Contains("top must be between 1 and 50", e.Message);
        Assert.Contains("offset must be between 0 and 200", e.Message);
    }

    [Fact]
    public void ValidatePage_TopInRange_DoesNotThrow()
    {
        SearchRequestValidator.ValidatePage(50, null, Options);

        Assert.Throws<SearchQueryException>(() => SearchRequestValidator.ValidatePage(51, null, Options));
    }
}
