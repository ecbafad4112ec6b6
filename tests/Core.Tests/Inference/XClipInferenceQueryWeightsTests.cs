using VideoSearch.Core.Inference;
using VideoSearch.Core.Model;
using VideoSearch.TestSupport;

namespace VideoSearch.Core.Tests.Inference;

public class XClipInferenceQueryWeightsTests
{
    [Fact]
    public async Task UseQueryWeights_Int8ThenFp32_ChangesTextFeaturesAndRestoresThem()
    {
        using var inference = XClipInference.Load(Fixtures.Reference("xclip-tiny-clipvocab"));
        long[] ids = inference.Tokenizer.Encode("a dog running on the beach", inference.MaxTextLength).Ids.Select(i => (long)i).ToArray();
        float[] fp32 = (await inference.EncodeTextsAsync([ids]))[0];

        inference.UseQueryWeights(XClipQueryWeights.Int8);
        float[] int8 = (await inference.EncodeTextsAsync([ids]))[0];
        inference.UseQueryWeights(XClipQueryWeights.Fp32);
        float[] again = (await inference.EncodeTextsAsync([ids]))[0];

        Assert.NotEqual(fp32, int8);
        Assert.Equal(fp32, again); // fp32 parameters are never touched, so switching back is exact
        double dot = fp32.Zip(int8, (a, b) => (double)a * b).Sum();
        double cosine = dot / Math.Sqrt(fp32.Sum(a => (double)a * a) * int8.Sum(b => (double)b * b));
        Assert.InRange(cosine, 0.995, 1.0); // the bound derived in XClipQueryWeightsTests
    }
}
