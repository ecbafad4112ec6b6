namespace VideoSearch.Core.Native;

/// <summary>
/// What the CPU offers for reduced-precision matmuls, read once from Linux's <c>/proc/cpuinfo</c>: libtorch's oneDNN
/// kernels run bfloat16 on AMX tiles or AVX-512 BF16 (several times fp32 there) and emulate it elsewhere (slower than
/// fp32), so whether bf16 pays is a property of the machine, decided at start and printed with benchmarks and logs.
/// </summary>
public sealed class CpuFeatures
{
    /// <summary>The flags this program looks at, in the order <see cref="Describe"/> lists them.</summary>
    public static readonly IReadOnlyList<string> RelevantFlags =
        ["amx_bf16", "amx_tile", "avx512_bf16", "avx512_vnni", "avx512f", "avx2"];

    private static readonly Lazy<CpuFeatures> s_current = new(ReadCurrent);
    private readonly HashSet<string> _flags;

    private CpuFeatures(string modelName, int logicalCpus, HashSet<string> flags)
    {
        ModelName = modelName;
        LogicalCpus = logicalCpus;
        _flags = flags;
    }

    /// <summary>This machine's CPU (an unknown one, with no flags, where <c>/proc/cpuinfo</c> cannot be read).</summary>
    public static CpuFeatures Current => s_current.Value;

    /// <summary>The first processor's <c>model name</c>, or "unknown CPU".</summary>
    public string ModelName { get; }

    /// <summary>Processor entries in the text (logical CPUs of the machine, not the ones this process may use).</summary>
    public int LogicalCpus { get; }

    /// <summary>AMX with bf16 tiles (Intel Sapphire Rapids and later).</summary>
    public bool HasAmxBf16 => Has("amx_bf16") && Has("amx_tile");

    /// <summary>AVX-512 BF16 instructions (Intel Cooper Lake and later, AMD Zen 4 and later).</summary>
    public bool HasAvx512Bf16 => Has("avx512_bf16");

    /// <summary>True where libtorch runs bf16 matmuls in hardware (AMX-BF16 or AVX-512 BF16), so bf16 is the faster choice.</summary>
    public bool HasFastBf16 => HasAmxBf16 || HasAvx512Bf16;

    /// <summary>Whether the first processor lists <paramref name="flag"/> (as spelled in <c>/proc/cpuinfo</c>).</summary>
    public bool Has(string flag) => _flags.Contains(flag);

    /// <summary>One line for logs and benchmarks: model, logical CPUs, the relevant flags present and absent.</summary>
    public string Describe()
    {
        var present = RelevantFlags.Where(Has).ToList();
        var absent = RelevantFlags.Where(f => !Has(f)).ToList();
        string bf16 = HasAmxBf16 ? "AMX-BF16" : HasAvx512Bf16 ? "AVX-512 BF16" : "none (emulated)";
        return $"{ModelName}, {LogicalCpus} logical CPUs; flags: {(present.Count > 0 ? string.Join(' ', present) : "none")}" +
               $"{(absent.Count > 0 ? $" (no {string.Join(", ", absent)})" : "")}; hardware bf16: {bf16}";
    }

    /// <summary>Reads <paramref name="cpuinfo"/>, the text of Linux's <c>/proc/cpuinfo</c> (x86 layout: <c>model name</c>
    /// and <c>flags</c> lines per processor). The first processor's model and flags stand for all.</summary>
    public static CpuFeatures Parse(string cpuinfo)
    {
        ArgumentNullException.ThrowIfNull(cpuinfo);
        string? model = null, flags = null;
        int processors = 0;
        foreach (string line in cpuinfo.Split('\n'))
        {
            int colon = line.IndexOf(':');
            if (colon < 0) continue;
            string key = line[..colon].Trim(), value = line[(colon + 1)..].Trim();
            if (key == "processor") processors++;
            else if (key == "model name") model ??= value;
            else if (key == "flags") flags ??= value;
        }
        var set = new HashSet<string>((flags ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries), StringComparer.Ordinal);
        return new CpuFeatures(model is { Length: > 0 } ? model : "unknown CPU", processors > 0 ? processors : Environment.ProcessorCount, set);
    }

    private static CpuFeatures ReadCurrent()
    {
        try
        {
            return Parse(File.ReadAllText("/proc/cpuinfo"));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Not Linux, or a sandbox hiding /proc: no flags known, so "auto" keeps the safe fp32.
            return Parse("");
        }
    }
}
