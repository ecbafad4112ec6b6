using System.Globalization;
using VideoSearch.Bench.Search;
using VideoSearch.Core.Model;
using VideoSearch.Core.Native;
using VideoSearch.Training.Evaluation;
using VideoSearch.Training.Scenes;

namespace VideoSearch.Bench.Quality;

/// <summary>
/// Retrieval quality through the product path (<see cref="RetrievalEvaluation"/>: copy the rows' videos, index them
/// with the real indexer, search every caption with the real search, score the moments), side by side in one run:
/// fp32 re-ranked, fp32 by the vector index alone, and bf16 re-ranked where the CPU runs bf16 in hardware (elsewhere it
/// is emulated and nobody would run it), against the targets (R@1 and localisation at least 0.8). Usage:
/// <c>scripts/bench quality [--model FOLDER] [--rows JSONL]</c>; the model defaults to
/// <c>tests/fixtures/models/xclip-synthetic</c>, the rows to the scene generator's test split (see <see cref="GeneratedTestSplit"/>).
/// </summary>
public sealed class QualityBenchmark : IBenchmark
{
    public string Name => "quality";

    public string Description => "retrieval quality through index + search: R@1, R@5, localisation, fp32 re-ranked vs ANN-only vs bf16, with targets";

    public async Task<int> RunAsync(string[] args, CancellationToken cancellationToken)
    {
        QualityOptions options;
        try
        {
            options = QualityOptions.Parse(args, BenchPaths.RepositoryRoot());
        }
        catch (ArgumentException e)
        {
            await Console.Error.WriteLineAsync($"error: {e.Message}");
            return 2;
        }
        string work = Path.Combine(Path.GetTempPath(), "vs-bench-quality-" + Guid.NewGuid().ToString("N"));
        try
        {
            string? rows = options.Rows ?? await GeneratedTestSplit(Path.Combine(work, "scenes"), cancellationToken);
            if (rows is null)
            {
                await Console.Error.WriteLineAsync("error: --rows JSONL is required: this build has no scene generator to make the test split.");
                return 2;
            }
            CpuFeatures cpu = CpuFeatures.Current;
            Console.WriteLine(CpuDescription.Line());
            Console.WriteLine($"{Environment.ProcessorCount} logical cores, load {BenchPaths.LoadAverage()}; model {options.Model}; rows {rows}");

            var columns = new List<QualityColumn>();
            QualityReport fp32 = await RetrievalEvaluation.RunAsync(options.Model, rows, XClipPrecision.Fp32, Path.Combine(work, "fp32"), cancellationToken);
            columns.Add(QualityColumn.Reranked(fp32));
            columns.Add(QualityColumn.AnnOnly(fp32));
            QualityReport? bf16 = null;
            if (cpu.HasFastBf16)
            {
                bf16 = await RetrievalEvaluation.RunAsync(options.Model, rows, XClipPrecision.Bf16, Path.Combine(work, "bf16"), cancellationToken);
                columns.Add(QualityColumn.Reranked(bf16));
            }
            else
            {
                Console.WriteLine($"bf16: not measured, the CPU has no AMX-BF16 or AVX-512 BF16 ({cpu.Describe()}), so bf16 would be emulated");
            }
            Console.WriteLine();
            QualityTable.Write(Console.Out, columns, QualityTargets.SyntheticScenes);
            Console.WriteLine();
            Console.WriteLine($"re-ranking against the vector index alone: R@1 {Signed(fp32.Reranked.RecallAt1 - fp32.AnnOnly.RecallAt1)}, " +
                              $"localisation {Signed(fp32.Reranked.Localisation - fp32.AnnOnly.Localisation)}, " +
                              $"query time {Ratio(fp32.Reranked.MeanQueryMs, fp32.AnnOnly.MeanQueryMs)}");
            if (bf16 is not null)
                Console.WriteLine($"bf16 against fp32 (re-ranked): R@1 {Signed(bf16.Reranked.RecallAt1 - fp32.Reranked.RecallAt1)}, " +
                                  $"indexing time {Ratio(bf16.IndexSeconds, fp32.IndexSeconds)}, query time {Ratio(bf16.Reranked.MeanQueryMs, fp32.Reranked.MeanQueryMs)}");
            Console.WriteLine($"load {BenchPaths.LoadAverage()}");
            return 0;
        }
        finally
        {
            if (Directory.Exists(work)) Directory.Delete(work, recursive: true);
        }
    }

    /// <summary>
    /// The rows used without <c>--rows</c>: the scene generator's test split (its default 30 videos, seed 1) written under
    /// <paramref name="folder"/>. Each video is drawn from its own seeded stream, so these are exactly the test videos
    /// of the set the committed model was trained on (whose training videos they never were).
    /// </summary>
    private static async Task<string?> GeneratedTestSplit(string folder, CancellationToken cancellationToken)
    {
        var scenes = new SceneSetOptions { OutputFolder = folder, TrainVideos = 0, ValidationVideos = 0, Seed = 1 };
        await new SceneSetGenerator().GenerateAsync(scenes, null, cancellationToken);
        return SceneSetLayout.RowsPath(folder, SceneSplit.Test);
    }

    private static string Signed(double difference) => difference.ToString("+0.000;-0.000;0.000", CultureInfo.InvariantCulture);

    private static string Ratio(double a, double b) => b > 0 ? (a / b).ToString("F2", CultureInfo.InvariantCulture) + "x" : "n/a";
}
