using VideoSearch.Core.Errors;

namespace VideoSearch.Cli.Tests.Errors;

/// <summary>The one exit-code table: the numbers scripts and service managers rely on (the README's table).</summary>
public sealed class ExitCodesTests
{
    public static TheoryData<ErrorKind, int> Table => new()
    {
        { ErrorKind.InvalidInput, 2 },
        { ErrorKind.NotFound, 3 },
        { ErrorKind.Environment, 4 },
        { ErrorKind.InUse, 5 },
        { ErrorKind.Corrupt, 6 },
        { ErrorKind.Failed, 1 },
    };

    [Theory]
    [MemberData(nameof(Table))]
    public void For_EachKind_GivesItsDocumentedCode(ErrorKind kind, int expected) => Assert.Equal(expected, ExitCodes.For(kind));

    [Fact]
    public void For_EveryKind_IsInTheTableAndNeverSuccessOrASignalCode()
    {
        var listed = Table.Select(row => (ErrorKind)row[0]).ToHashSet();
        foreach (ErrorKind kind in Enum.GetValues<ErrorKind>())
        {
            Assert.Contains(kind, listed);
            Assert.DoesNotContain(ExitCodes.For(kind), new[] { ExitCodes.Ok, ExitCodes.Interrupted, ExitCodes.Terminated });
        }
    }

    [Fact]
    public void For_DistinctKinds_GiveDistinctCodes()
    {
        ErrorKind[] kinds = Enum.GetValues<ErrorKind>();
        Assert.Equal(kinds.Length, kinds.Select(ExitCodes.For).Distinct().Count());
    }

    [Fact]
    public void SignalCodes_FollowTheShellConvention_128PlusTheSignalNumber()
    {
        Assert.Equal(128 + 2, ExitCodes.Interrupted);
        Assert.Equal(128 + 15, ExitCodes.Terminated);
    }
}
