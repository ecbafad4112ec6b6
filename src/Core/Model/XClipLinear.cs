using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace VideoSearch.Core.Model;

/// <summary>
/// Mirrors PyTorch <c>nn.Linear</c> as the X-CLIP towers use it, with autocast-style reduced precision: the weights can be
/// held in bfloat16 (<see cref="UsePrecision"/>, once after loading) and then <see cref="forward"/> casts its input to
/// bfloat16, runs the matmul there and returns the input's dtype, so everything around it (LayerNorm, softmax, the
/// residual stream) stays fp32. Parameters are named <c>weight</c> (out, in) and <c>bias</c> (out) exactly like
/// <c>nn.Linear</c>, so checkpoint keys and shapes are unchanged.
/// </summary>
internal sealed class XClipLinear : nn.Module<Tensor, Tensor>
{
    // Field names are the state-dict keys (RegisterComponents); Module.to(dtype) replaces them in place.
    private Parameter weight;
    private Parameter? bias;

    /// <summary>Builds an (<paramref name="outFeatures"/>, <paramref name="inFeatures"/>) layer initialised exactly as
    /// <c>nn.Linear</c> (same init calls in the same order, so a seeded random model draws the same weights).</summary>
    public XClipLinear(long inFeatures, long outFeatures, bool hasBias = true, Device? device = null) : base(nameof(XClipLinear))
    {
        XClipConfigChecks.Positive("in_features", inFeatures);
        XClipConfigChecks.Positive("out_features", outFeatures);
        weight = new Parameter(torch.empty(outFeatures, inFeatures, device: device));
        nn.init.kaiming_uniform_(weight, a: Math.Sqrt(5));
        if (hasBias)
        {
            bias = new Parameter(torch.empty(outFeatures, device: device));
            double bound = 1 / Math.Sqrt(inFeatures);
            nn.init.uniform_(bias, -bound, bound);
        }
        RegisterComponents();
    }

    /// <summary>The dtype the weights are held and the matmul runs in (Float32 unless <see cref="UsePrecision"/> changed it).</summary>
    public ScalarType ComputeType => weight.dtype;

    /// <summary>Converts the weight and bias in place to <paramref name="precision"/>'s dtype. Call once, after loading
    /// and before inference; converting back to fp32 does not restore the rounded-away bits.</summary>
    public void UsePrecision(XClipPrecision precision) =>
        this.to(precision == XClipPrecision.Bf16 ? ScalarType.BFloat16 : ScalarType.Float32);

    /// <summary>(..., in) -> (..., out) in the input's dtype; the matmul runs in <see cref="ComputeType"/>.
    /// The one place a reduced-precision or small-batch kernel belongs: callers only ever see the input dtype.</summary>
    public override Tensor forward(Tensor input)
    {
        if (input.dtype == weight.dtype) return nn.functional.linear(input, weight, bias);
        using var scope = NewDisposeScope();
        // Autocast semantics: input, weight and bias all in the compute dtype; only the output is cast back.
        var output = nn.functional.linear(input.to(weight.dtype), weight, bias); // (..., in) -> (..., out)
        return output.to(input.dtype).MoveToOuterDisposeScope();
    }
}
