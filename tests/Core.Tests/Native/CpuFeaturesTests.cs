using VideoSearch.Core.Native;

namespace VideoSearch.Core.Tests.Native;

public class CpuFeaturesTests
{
    // Abridged /proc/cpuinfo of three machines: two processors each, flags as the kernel prints them.
    private const string Epyc = """
        processor	: 0
        vendor_id	: AuthenticAMD
        model name	: AMD EPYC 7B13
        flags		: fpu sse sse2 avx avx2 fma
        processor	: 1
        model name	: AMD EPYC 7B13
        flags		: fpu sse sse2 avx avx2 fma
        """;

    private const string SapphireRapids = """
        processor	: 0
        model name	: Intel(R) Xeon(R) Platinum 8480+
        flags		: avx2 avx512f avx512_vnni avx512_bf16 amx_bf16 amx_tile amx_int8
        processor	: 1
        model name	: Intel(R) Xeon(R) Platinum 8480+
        flags		: avx2 avx512f avx512_vnni avx512_bf16 amx_bf16 amx_tile amx_int8
        """;

    private const string Zen4 = """
        processor	: 0
        model name	: AMD EPYC 9B14
        flags		: avx2 avx512f avx512_vnni avx512_bf16
        """;

    [Fact]
    public void Parse_Avx2Only_HasNoFastBf16AndSaysSo()
    {
        var cpu = CpuFeatures.Parse(Epyc);

        Assert.Equal("AMD EPYC 7B13", cpu.ModelName);
        Assert.Equal(2, cpu.LogicalCpus);
        Assert.True(cpu.Has("avx2"));
        Assert.False(cpu.HasAmxBf16);
        Assert.False(cpu.HasAvx512Bf16);
        Assert.False(cpu.HasFastBf16);
        Assert.Equal("AMD EPYC 7B13, 2 logical CPUs; flags: avx2 (no amx_bf16, amx_tile, avx512_bf16, avx512_vnni, avx512f); " +
                     "hardware bf16: none (emulated)", cpu.Describe());
    }

    [Fact]
    public void Parse_Amx_HasFastBf16ThroughAmx()
    {
        var cpu = CpuFeatures.Parse(SapphireRapids);

        Assert.True(cpu.HasAmxBf16);
        Assert.True(cpu.HasFastBf16);
        Assert.Equal("Intel(R) Xeon(R) Platinum 8480+, 2 logical CPUs; flags: amx_bf16 amx_tile avx512_bf16 avx512_vnni avx512f avx2; " +
                     "hardware bf16: AMX-BF16", cpu.Describe());
    }

    [Fact]
    public void Parse_Avx512Bf16WithoutAmx_HasFastBf16()
    {
        var cpu = CpuFeatures.Parse(Zen4);

        Assert.False(cpu.HasAmxBf16);
        Assert.True(cpu.HasAvx512Bf16);
        Assert.True(cpu.HasFastBf16);
        Assert.EndsWith("hardware bf16: AVX-512 BF16", cpu.Describe(), StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_AmxTileWithoutBf16Flag_IsNotFastBf16()
    {
        var cpu = CpuFeatures.Parse("processor : 0\nmodel name : X\nflags : avx2 amx_tile amx_int8\n");

        Assert.False(cpu.HasFastBf16);
    }

    [Fact]
    public void Parse_Empty_IsAnUnknownCpuWithoutFlags()
    {
        var cpu = CpuFeatures.Parse("");

        Assert.Equal("unknown CPU", cpu.ModelName);
        Assert.False(cpu.HasFastBf16);
        Assert.Equal(Environment.ProcessorCount, cpu.LogicalCpus);
    }

    [Fact]
    public void Current_ThisMachine_MatchesProcCpuinfo()
    {
        var expected = File.Exists("/proc/cpuinfo") ? CpuFeatures.Parse(File.ReadAllText("/proc/cpuinfo")) : CpuFeatures.Parse("");

        Assert.Equal(expected.Describe(), CpuFeatures.Current.Describe());
    }
}
