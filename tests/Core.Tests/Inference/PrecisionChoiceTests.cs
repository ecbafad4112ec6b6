using VideoSearch.Core.Inference;
using VideoSearch.Core.Model;
using VideoSearch.Core.Native;

namespace VideoSearch.Core.Tests.Inference;

public class PrecisionChoiceTests
{
    private static readonly CpuFeatures Avx2 = CpuFeatures.Parse("processor : 0\nmodel name : AMD EPYC\nflags : avx avx2\n");
    private static readonly CpuFeatures Amx = CpuFeatures.Parse("processor : 0\nmodel name : Xeon\nflags : avx2 avx512f amx_bf16 amx_tile\n");

    [Theory]
    [InlineData("auto", false, XClipPrecision.Fp32)]
    [InlineData("auto", true, XClipPrecision.Bf16)]
    [InlineData(null, true, XClipPrecision.Bf16)]
    [InlineData("", false, XClipPrecision.Fp32)]
    [InlineData("BF16", false, XClipPrecision.Bf16)]
    [InlineData("bf16", true, XClipPrecision.Bf16)]
    [InlineData("fp32", true, XClipPrecision.Fp32)]
    [InlineData(" Fp32 ", false, XClipPrecision.Fp32)]
    public void Resolve_SettingOnCpu_PicksThePrecision(string? setting, bool fastBf16, XClipPrecision expected)
    {
        var choice = PrecisionChoice.Resolve(setting, fastBf16 ? Amx : Avx2);

        Assert.Equal(expected, choice.Resolved);
        Assert.Contains((fastBf16 ? Amx : Avx2).Describe(), choice.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void ToString_AutoOnAvx2_ShowsResolvedRequestedAndWhy()
    {
        var choice = PrecisionChoice.Resolve(PrecisionMode.Auto, Avx2);

        Assert.StartsWith("fp32 (requested auto; the CPU has no AMX-BF16 or AVX-512 BF16; CPU: AMD EPYC", choice.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Resolve_Bf16OnAvx2_SaysItIsEmulated()
    {
        Assert.Contains("emulates bf16", PrecisionChoice.Resolve(PrecisionMode.Bf16, Avx2).Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("fp16")]
    [InlineData("bfloat16")]
    [InlineData("fast")]
    public void Resolve_UnknownSetting_ThrowsInvalidInputNamingTheChoices(string setting)
    {
        var error = Assert.Throws<InvalidPrecisionException>(() => PrecisionChoice.Resolve(setting, Avx2));

        Assert.Equal(VideoSearch.Core.Errors.ErrorKind.InvalidInput, error.Kind);
        Assert.Contains($"'{setting}'", error.Message, StringComparison.Ordinal);
        Assert.Contains("auto, bf16, fp32", error.Message, StringComparison.Ordinal);
        Assert.False(PrecisionChoice.TryParseMode(setting, out _));
    }
}
