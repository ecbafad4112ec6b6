using System.Diagnostics;
using VideoSearch.Core.Inference;

namespace VideoSearch.Bench.Search;

/// <summary>Text encoder cost at each query's true token length against the same queries padded to 77 tokens.</summary>
internal sealed class TextEncodingMeasurement(XClipInference inference, string label)
{
    public async Task<(double P50, double P95)> RunAsync(CancellationToken cancellationToken)
    {
        var trueLength = new List<double>();
        var padded = new List<double>();
        var lengths = new List<int>();
        for (int round = -1; round < 3; round++)
        {
            foreach (string query in QueryPhrases.All)
            {
                long[] ids = inference.Tokenizer.Encode(query, inference.MaxTextLength).Ids.Select(i => (long)i).ToArray();
                long[] full = new long[inference.MaxTextLength];
                Array.Fill(full, inference.Tokenizer.PadTokenId);
                ids.CopyTo(full, 0);
                double a = await Time(ids, cancellationToken), b = await Time(full, cancellationToken);
                if (round < 0) continue; // warm-up
                trueLength.Add(a);
                padded.Add(b);
                lengths.Add(ids.Length);
            }
        }
        double p50True = Percentiles.Of(trueLength, 50), p50Padded = Percentiles.Of(padded, 50);
        Console.WriteLine($"text encoder, {label}: true length (median {Percentiles.Of(lengths.Select(l => (double)l).ToList(), 50):F0} tokens) " +
                          $"p50 {p50True:F2} ms / p95 {Percentiles.Of(trueLength, 95):F2} ms; padded to 77: p50 {p50Padded:F2} ms / " +
                          $"p95 {Percentiles.Of(padded, 95):F2} ms ({p50Padded / p50True:F1}x)");
        return (p50True, Percentiles.Of(trueLength, 95));
    }

    private async Task<double> Time(long[] ids, CancellationToken cancellationToken)
    {
        long start = Stopwatch.GetTimestamp();
        await inference.EncodeTextsAsync([ids], cancellationToken);
        return Stopwatch.GetElapsedTime(start).TotalMilliseconds;
    }
}
