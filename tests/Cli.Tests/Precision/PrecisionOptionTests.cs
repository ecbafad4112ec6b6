using VideoSearch.Cli.Tests.Support;

namespace VideoSearch.Cli.Tests.Precision;

/// <summary><c>--precision auto|bf16|fp32</c> (and the setting <c>Model:Precision</c> it stands for) on the real program.</summary>
public sealed class PrecisionOptionTests : IDisposable
{
    private const int Usage = 2;
    private static readonly TimeSpan s_limit = TimeSpan.FromSeconds(90);
    private readonly TempLibrary _library = TempLibrary.Create(TempLibrary.SmallFiles);

    [Fact]
    public async Task ModelInfo_PrecisionBf16_PrintsRequestedAndResolvedWithTheCpu()
    {
        var (code, output) = await CliProcess.RunAsync(["model", "info", TempLibrary.Model, "--precision", "bf16"], s_limit);

        Assert.True(code == 0, output);
        Assert.Contains("precision:    bf16 (requested bf16;", output, StringComparison.Ordinal);
        Assert.Contains("CPU: ", output, StringComparison.Ordinal);
        Assert.Contains("hardware bf16: ", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ModelInfo_NoPrecision_ResolvesAuto()
    {
        var (code, output) = await CliProcess.RunAsync(["model", "info", TempLibrary.Model], s_limit);

        Assert.True(code == 0, output);
        Assert.Contains("(requested auto;", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("model", "info", "--precision", "fp16")]
    [InlineData("index", "--precision", "fast")]
    public async Task Command_InvalidPrecision_ExitsWithUsageAndNamesTheChoices(params string[] arguments)
    {
        string[] command = arguments[0] == "index" ? _library.IndexArguments(arguments[1..]) : [.. arguments[..2], TempLibrary.Model, .. arguments[2..]];

        var (code, output) = await CliProcess.RunAsync(command, s_limit);

        Assert.True(code == Usage, $"expected exit code {Usage}, got {code}:\n{output}");
        Assert.Contains("auto, bf16", output, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Index_InvalidPrecisionSetting_ExitsWithUsageNamingTheSetting()
    {
        var (code, output) = await CliProcess.RunAsync(_library.IndexArguments(), s_limit,
            new Dictionary<string, string> { ["Model__Precision"] = "fast" });

        Assert.True(code == Usage, $"expected exit code {Usage}, got {code}:\n{output}");
        Assert.Contains("Model:Precision", output, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Index_PrecisionBf16_IndexesTheLibrary()
    {
        var (code, output) = await CliProcess.RunAsync(_library.IndexArguments("--precision", "bf16"), s_limit);

        Assert.True(code == 0, output);
    }

    public void Dispose() => _library.Dispose();
}
