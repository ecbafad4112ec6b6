using VideoSearch.Core.Model;
using VideoSearch.Core.Native;

namespace VideoSearch.Core.Inference;

/// <summary>The precision a host runs the model in: what was asked, what that resolves to on this CPU, and why.</summary>
/// <param name="Requested">The setting as given.</param>
/// <param name="Resolved">What the model computes in.</param>
/// <param name="Reason">Why, naming the CPU (see <see cref="CpuFeatures.Describe"/>).</param>
public sealed record PrecisionChoice(PrecisionMode Requested, XClipPrecision Resolved, string Reason)
{
    /// <summary>The accepted spellings of <see cref="PrecisionMode"/>, as the setting and the command line write them.</summary>
    public static readonly IReadOnlyList<string> Names = ["auto", "bf16", "fp32"];

    /// <summary>fp32 as requested, for code that loads a model without a setting (tests, tools).</summary>
    public static PrecisionChoice Fp32 { get; } = new(PrecisionMode.Fp32, XClipPrecision.Fp32, "the default where no setting applies");

    /// <summary>Resolves <paramref name="requested"/> on <paramref name="cpu"/>: auto is bf16 exactly when the CPU has hardware bf16.</summary>
    public static PrecisionChoice Resolve(PrecisionMode requested, CpuFeatures cpu)
    {
        ArgumentNullException.ThrowIfNull(cpu);
        return requested switch
        {
            PrecisionMode.Fp32 => new(requested, XClipPrecision.Fp32, $"CPU: {cpu.Describe()}"),
            PrecisionMode.Bf16 => new(requested, XClipPrecision.Bf16,
                cpu.HasFastBf16 ? $"CPU: {cpu.Describe()}" : $"this CPU emulates bf16, slower than fp32; CPU: {cpu.Describe()}"),
            _ => cpu.HasFastBf16
                ? new(requested, XClipPrecision.Bf16, $"the CPU runs bf16 in hardware; CPU: {cpu.Describe()}")
                : new(requested, XClipPrecision.Fp32, $"the CPU has no AMX-BF16 or AVX-512 BF16; CPU: {cpu.Describe()}"),
        };
    }

    /// <summary>Resolves the setting text <paramref name="requested"/> (null or empty means auto).</summary>
    /// <exception cref="InvalidPrecisionException">Not one of <see cref="Names"/>.</exception>
    public static PrecisionChoice Resolve(string? requested, CpuFeatures cpu) => Resolve(ParseMode(requested), cpu);

    /// <summary>Parses <c>auto</c>, <c>bf16</c> or <c>fp32</c> (any case; null or empty is auto).</summary>
    public static bool TryParseMode(string? text, out PrecisionMode mode)
    {
        mode = PrecisionMode.Auto;
        if (string.IsNullOrWhiteSpace(text)) return true;
        int index = Names.ToList().FindIndex(n => string.Equals(n, text.Trim(), StringComparison.OrdinalIgnoreCase));
        if (index < 0) return false;
        mode = (PrecisionMode)index;
        return true;
    }

    /// <summary>Like <see cref="TryParseMode"/>, throwing for anything else.</summary>
    /// <exception cref="InvalidPrecisionException">Not one of <see cref="Names"/>.</exception>
    public static PrecisionMode ParseMode(string? text) =>
        TryParseMode(text, out var mode) ? mode : throw new InvalidPrecisionException(text!);

    /// <summary>The setting's spelling of a precision (<c>fp32</c>, <c>bf16</c>), as the catalog also records it.</summary>
    public static string NameOf(XClipPrecision precision) => precision == XClipPrecision.Bf16 ? "bf16" : "fp32";

    /// <summary>"fp32 (requested auto; the CPU has no ...)" for <c>model info</c>, summaries and logs.</summary>
    public override string ToString() => $"{NameOf(Resolved)} (requested {Names[(int)Requested]}; {Reason})";
}
