using VideoSearch.Search.Contracts;
using Xunit.Abstractions;
namespace VideoSearch.Search.Tests;
[Collection(TinyLibraryCollection.Name)]
public sealed class ZzCalibrationCostProbe(TinyLibrary library, ITestOutputHelper output)
{
    [Fact]
    public async Task Probe()
    {
        var service = library.Service();
        var runs = new List<SearchTimings>();
        for (int i = -5; i < 60; i++)
        {
            var r = await service.SearchAsync(new SearchRequest("a dog running on the beach " + (i % 7), Top: 10), CancellationToken.None);
            if (i >= 0) runs.Add(r.Timings);
        }
        static string P(IEnumerable<double> xs) { var s = xs.OrderBy(x => x).ToArray(); return $"{s[s.Length / 2]:F3}/{s[(int)(s.Length * 0.95)]:F3}"; }
        output.WriteLine($"PROBE calibrate {P(runs.Select(t => t.CalibrateMs))} rerank {P(runs.Select(t => t.RerankMs))} encode {P(runs.Select(t => t.EncodeMs))} total {P(runs.Select(t => t.TokenizeMs + t.EncodeMs + t.AnnMs + t.RerankMs + t.CalibrateMs))}");
    }
}
