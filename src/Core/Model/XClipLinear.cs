using System.Runtime.InteropServices;
using TorchSharp;
using TorchSharp.Modules;
using VideoSearch.Core.Kernels;
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
    // Not a parameter (RegisterComponents skips plain objects): the int8 copy for few-row inputs, null unless asked for.
    private Int8LinearWeights? packed;

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
        var int8 = packed; // read once: UseSmallBatchInt8 may swap it between calls
        // The int8 kernel writes raw memory outside autograd, so a forward that records a graph keeps libtorch.
        if (int8 is not null && input.dtype == ScalarType.Float32 && input.device_type == DeviceType.CPU && !torch.is_grad_enabled())
        {
            long rows = input.NumberOfElements / int8.InFeatures;
            if (rows is >= 1 and <= SmallBatchLinear.MaxRows) return SmallBatch(input, int8, (int)rows);
        }
        if (input.dtype == weight.dtype) return nn.functional.linear(input, weight, bias);
        using var scope = NewDisposeScope();
        // Autocast semantics: input, weight and bias all in the compute dtype; only the output is cast back.
        var output = nn.functional.linear(input.to(weight.dtype), weight, bias); // (..., in) -> (..., out)
        return output.to(input.dtype).MoveToOuterDisposeScope();
    }

    /// <summary>True when inputs of at most <see cref="SmallBatchLinear.MaxRows"/> rows take the int8 kernel.</summary>
    public bool UsesSmallBatchInt8 => packed is not null;

    /// <summary>Quantises the current weights (of any dtype) to int8 per output channel for inputs of at most
    /// <see cref="SmallBatchLinear.MaxRows"/> fp32 rows on the CPU (a query's tokens); larger inputs keep libtorch and the
    /// parameters themselves are untouched. <paramref name="enabled"/> false drops the int8 copy again.</summary>
    public void UseSmallBatchInt8(bool enabled)
    {
        if (!enabled)
        {
            packed = null;
            return;
        }
        if (packed is not null) return; // the weights do not change after loading, so neither would the copy
        using var scope = NewDisposeScope();
        float[] w = weight.detach().to(ScalarType.Float32, CPU).contiguous().data<float>().ToArray();
        float[] b = bias is null ? [] : bias.detach().to(ScalarType.Float32, CPU).data<float>().ToArray();
        packed = Int8LinearWeights.Quantize(w, (int)weight.shape[0], (int)weight.shape[1], b);
    }

    // (..., in) -> (..., out) through the int8 kernel: the rows are read in place and written into a fresh tensor.
    private static Tensor SmallBatch(Tensor input, Int8LinearWeights int8, int rows)
    {
        using var scope = NewDisposeScope();
        var x = input.contiguous();
        long[] shape = input.shape;
        shape[^1] = int8.OutFeatures;
        var y = torch.empty(shape, ScalarType.Float32);
        SmallBatchLinear.Forward(int8, MemoryMarshal.Cast<byte, float>(x.bytes), rows, MemoryMarshal.Cast<byte, float>(y.bytes));
        return y.MoveToOuterDisposeScope();
    }
}
