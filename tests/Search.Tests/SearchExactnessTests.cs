using VideoSearch.Search.Contracts;
using Xunit.Abstractions;

namespace VideoSearch.Search.Tests;

[Collection(TinyLibraryCollection.Name)]
public sealed class SearchExactnessTests(TinyLibrary library, ITestOutputHelper output)
{
    private static readonly string[] s_queries = ["a dog running on the beach", "people talking in a meeting room", "snow"];

    [Fact]
    public async Task SearchAsync_StoredFloat16Contexts_EachScoreMatchesForwardWithinDerivedBound()
    {
        var service = library.Service();
        double worstError = 0, worstBound = 0;
        foreach (string query in s_queries)
        {
            var response = await service.SearchAsync(new SearchRequest(query, Top: 10), CancellationToken.None);
            var features = (await library.Encoder().EncodeAsync(query, CancellationToken.None)).Query.Features;
            foreach (var clip in response.Videos.SelectMany(v => v.AllClips()))
            {
                var stored = library.Clips[clip.ClipId];
                double bound = await Float16ScoreBound.ComputeAsync(library.Inference, features, stored.Embedding, stored.Context);
                double error = Math.Abs(clip.Score - library.ForwardLogit(query, clip.ClipId));
                Assert.True(error <= bound, $"clip {clip.ClipId} '{query}': |search - forward| = {error:E3} > bound {bound:E3}");
                worstError = Math.Max(worstError, error);
                worstBound = Math.Max(worstBound, bound);
            }
        }
        output.WriteLine($"float16 contexts: max |search - forward| = {worstError:E3}, max derived bound = {worstBound:E3}");
    }

    [Fact]
    public async Task ScoreAsync_Float32Contexts_EqualsForwardWithinFloat32Rounding()
    {
        var features = (await library.Encoder().EncodeAsync(s_queries[0], CancellationToken.None)).Query.Features;
        var ids = library.Clips.Keys.Order().ToArray();
        float[] embeddings = ids.SelectMany(id => library.Clips[id].Embedding).ToArray();
        float[] contexts = ids.SelectMany(id => library.Clips[id].Context).ToArray();
        float[][] scores = await library.Inference.ScoreAsync([features], embeddings, contexts, ids.Length);
        for (int i = 0; i < ids.Length; i++)
        {
            // Same kernels in a different batch shape: only float32 rounding (~1e-6 for logits near 1) may differ.
            Assert.Equal(library.ForwardLogit(s_queries[0], ids[i]), scores[i][0], 1e-5f);
        }
    }

    [Fact]
    public async Task SearchAsync_KAtLeastClipCount_RankingEqualsExhaustiveForward()
    {
        var service = library.Service(candidateCount: library.Clips.Count);
        foreach (string query in s_queries)
        {
            var response = await service.SearchAsync(new SearchRequest(query, Top: 100), CancellationToken.None);
            var ranked = response.Videos.SelectMany(v => v.AllClips()).OrderByDescending(c => c.Score).Select(c => c.ClipId).ToList();
            var forward = library.Clips.Keys.ToDictionary(id => id, id => library.ForwardLogit(query, id));
            Assert.Equal(forward.Keys.Order(), ranked.Order());
            // Every clip is re-ranked, so the order is exhaustive X-CLIP scoring's, except that two clips whose
            // reference scores lie within the float16 context error (at most ~1e-3 here, see the test above) may swap.
            for (int i = 1; i < ranked.Count; i++)
                Assert.True(forward[ranked[i - 1]] >= forward[ranked[i]] - 2e-3,
                    $"'{query}': clip {ranked[i - 1]} ({forward[ranked[i - 1]]}) ranked above clip {ranked[i]} ({forward[ranked[i]]})");
            int exactPositions = ranked.Zip(forward.OrderByDescending(x => x.Value).Select(x => x.Key)).Count(p => p.First == p.Second);
            output.WriteLine($"'{query}': {exactPositions}/{ranked.Count} positions identical to exhaustive forward ranking");
        }
    }

    [Fact]
    public async Task EncodeTexts_TrueLength_EqualsPaddedTo77()
    {
        foreach (string query in s_queries.Append("a"))
        {
            var ids = library.Inference.Tokenizer.Encode(query, 77).Ids.Select(i => (long)i).ToArray();
            var trueLength = (await library.Inference.EncodeTextsAsync([ids]))[0];
            var padded = PaddedTextFeatures(query);
            for (int i = 0; i < trueLength.Length; i++)
            {
                // The causal mask keeps padding out of every position up to the end token, which pooling reads:
                // only float32 rounding of differently shaped matrix products may differ.
                Assert.Equal(padded[i], trueLength[i], 1e-5f);
            }
        }
    }

    private float[] PaddedTextFeatures(string query)
    {
        var batch = library.Inference.Tokenizer.EncodeBatch([query, new string('x', 1) + string.Concat(Enumerable.Repeat(" word", 80))], 77);
        Assert.Equal(77, batch.Columns);
        using var scope = TorchSharp.torch.NewDisposeScope();
        var features = library.Reference.GetTextFeatures(
            TorchSharp.torch.tensor(batch.InputIds, [batch.Rows, batch.Columns]),
            TorchSharp.torch.tensor(batch.AttentionMask, [batch.Rows, batch.Columns]));
        return features[0].data<float>().ToArray();
    }
}
