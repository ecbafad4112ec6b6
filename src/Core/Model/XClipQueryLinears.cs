using TorchSharp.Modules;

namespace VideoSearch.Core.Model;

/// <summary>Switches the query side's linear layers (the text tower and <c>text_projection</c>) between fp32 and the
/// int8 small-batch kernel, leaving every other module as it is.</summary>
public static class XClipQueryLinears
{
    /// <summary>Applies <paramref name="weights"/> to every linear under <c>text_model.</c> and to <c>text_projection</c>.
    /// Call once after loading, before queries run: packing reads each fp32 weight once (about 150 MB for the base model).
    /// Returns the number of layers switched.</summary>
    public static int UseQueryWeights(this XClipModel model, XClipQueryWeights weights)
    {
        ArgumentNullException.ThrowIfNull(model);
        int count = 0;
        foreach (var (name, module) in model.named_modules())
        {
            if (module is not XClipLinear linear || !(name.StartsWith("text_model.", StringComparison.Ordinal) || name == "text_projection"))
                continue;
            linear.UseSmallBatchInt8(weights == XClipQueryWeights.Int8);
            count++;
        }
        return count;
    }
}
