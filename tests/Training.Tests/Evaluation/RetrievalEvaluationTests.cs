using System.Text.Json;
using VideoSearch.Core.Media;
using VideoSearch.Training.Evaluation;
using VideoSearch.TestSupport;

namespace VideoSearch.Training.Tests.Evaluation;

/// <summary>
/// The evaluation end to end (copy, index, search, score) with the random tiny model. Its figures mean nothing, so
/// these tests check the plumbing: counts, ranges, and a case whose answer is known whatever the weights. The trained
/// model's thresholded test is one line: <c>QualityAssertions.MeetsTargetsAsync(modelFolder, rowsPath)</c>.
/// </summary>
public sealed class RetrievalEvaluationTests : IDisposable
{
    private static readonly string Model = Fixtures.Reference("xclip-tiny-clipvocab");

    private readonly string _folder = Directory.CreateTempSubdirectory("vs-quality-rows-").FullName;

    [Fact]
    public async Task RunAsync_SixScenesOfTheTwoMinuteSample_CountsRightAndFiguresInRange()
    {
        string rows = ScenesRows();

        QualityReport report = await QualityAssertions.EvaluateAsync(Model, rows);

        Assert.Equal((6, 6, 1), (report.Queries, report.Scenes, report.Videos));
        // The 120 s sample under the default plan (4 s windows every 2 s), with the model's 8 frames.
        Assert.Equal(ClipPlanner.Plan(120, ClipPlanOptions.ForModel(8)).Count, report.Clips);
        Assert.True(report.IndexSeconds > 0);
        foreach (RetrievalFigures figures in new[] { report.Reranked, report.AnnOnly })
        {
            Assert.InRange(figures.RecallAt1, 0, 1);
            Assert.InRange(figures.RecallAt5, figures.RecallAt1, 1);
            Assert.InRange(figures.Localisation, 0, 1);
            Assert.True(figures.MeanQueryMs > 0);
        }
    }

    [Fact]
    public async Task RunAsync_OneSceneCoveringTheOnlyVideo_EveryFigureOne()
    {
        // Every moment of the only video has its middle inside the one scene, whatever the weights rank first.
        File.Copy(Path.Combine(Fixtures.Media, "no_audio_320x240.mp4"), Path.Combine(_folder, "pattern.mp4"));
        string rows = Path.Combine(_folder, "one.jsonl");
        File.WriteAllText(rows, """{"video": "pattern.mp4", "start": 0, "end": 5, "caption": "a moving test pattern"}""" + "\n");

        QualityReport report = await QualityAssertions.EvaluateAsync(Model, rows);

        Assert.Equal((1, 1, 1), (report.Queries, report.Scenes, report.Videos));
        Assert.Equal(ClipPlanner.Plan(5, ClipPlanOptions.ForModel(8)).Count, report.Clips);
        foreach (RetrievalFigures figures in new[] { report.Reranked, report.AnnOnly })
            Assert.Equal((1.0, 1.0, 1.0), (figures.RecallAt1, figures.RecallAt5, figures.Localisation));
    }

    [Fact]
    public async Task RunAsync_LibraryFolderNotEmpty_RefusedBeforeIndexing()
    {
        string rows = ScenesRows();
        string library = Directory.CreateDirectory(Path.Combine(_folder, "library")).FullName;
        File.WriteAllText(Path.Combine(library, "catalog.db"), "");

        var e = await Assert.ThrowsAsync<QualityEvaluationException>(() =>
            RetrievalEvaluation.RunAsync(Model, rows, Core.Model.XClipPrecision.Fp32, library));

        Assert.Contains("not empty", e.Message);
        Assert.Equal(["catalog.db"], Directory.EnumerateFileSystemEntries(library).Select(Path.GetFileName));
    }

    /// <summary>
    /// A rows file for the 2-minute sample from its description, next to a copy of it: one row per segment, its
    /// description as the caption. The description is checked first: six contiguous segments covering the video, with
    /// distinct descriptions, as the scene set's rows are.
    /// </summary>
    private string ScenesRows()
    {
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(Fixtures.Media, "scenes_2min_320x240.json")));
        var segments = json.RootElement.GetProperty("segments").EnumerateArray()
            .Select(s => (Start: s.GetProperty("start_s").GetDouble(), End: s.GetProperty("end_s").GetDouble(),
                Caption: s.GetProperty("description").GetString()!))
            .ToList();
        Assert.Equal(6, segments.Count);
        Assert.Equal(0, segments[0].Start);
        Assert.Equal(json.RootElement.GetProperty("duration_s").GetDouble(), segments[^1].End);
        Assert.All(segments.Zip(segments.Skip(1)), p => Assert.Equal(p.First.End, p.Second.Start));
        Assert.Equal(segments.Count, segments.Select(s => s.Caption).Distinct().Count());

        File.Copy(Path.Combine(Fixtures.Media, "scenes_2min_320x240.mp4"), Path.Combine(_folder, "scenes.mp4"));
        string rows = Path.Combine(_folder, "scenes.jsonl");
        File.WriteAllLines(rows, segments.Select(s => JsonSerializer.Serialize(new { video = "scenes.mp4", start = s.Start, end = s.End, caption = s.Caption })));
        return rows;
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
