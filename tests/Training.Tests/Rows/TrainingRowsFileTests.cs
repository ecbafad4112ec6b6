using VideoSearch.Core.Errors;
using VideoSearch.Training.Evaluation;

using VideoSearch.Training.Rows;

namespace VideoSearch.Training.Tests.Rows;

public sealed class TrainingRowsFileTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("vs-rows-").FullName;

    private string Write(params string[] lines)
    {
        string path = Path.Combine(_folder, "test.jsonl");
        File.WriteAllLines(path, lines);
        return path;
    }

    private void Video(string relative)
    {
        string path = Path.Combine(_folder, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, [0]);
    }

    [Fact]
    public void Read_RelativeVideos_ResolvedAgainstTheFilesFolderInOrder()
    {
        Video("test/scenes-0001.mp4");
        string path = Write(
            """{"video": "test/scenes-0001.mp4", "start": 0, "end": 2.5, "caption": "a red circle moving left"}""",
            "",
            """{"video": "test/scenes-0001.mp4", "start": 2.5, "end": 6, "caption": "a blue square growing"}""");

        var rows = TrainingRowsFile.Read(path);

        string video = Path.Combine(_folder, "test", "scenes-0001.mp4");
        Assert.Equal([new TrainingRow(video, 0, 2.5, "a red circle moving left"), new TrainingRow(video, 2.5, 6, "a blue square growing")], rows);
    }

    [Theory]
    [InlineData("""{"video": "a.mp4", "start": 0, "end": 2""", "not a JSON row")]
    [InlineData("""{"video": "a.mp4", "start": 0, "caption": "x"}""", "needs")]
    [InlineData("""{"video": "a.mp4", "start": 3, "end": 2, "caption": "x"}""", "0 <= start < end")]
    [InlineData("""{"video": "a.mp4", "start": 0, "end": 2, "caption": " "}""", "caption must hold 1..1000 characters")]
    public void Read_BadLine_InvalidInputNamingTheLine(string line, string problem)
    {
        Video("a.mp4");
        string path = Write("""{"video": "a.mp4", "start": 0, "end": 2, "caption": "fine"}""", line);

        var e = Assert.Throws<RowsFileException>(() => TrainingRowsFile.Read(path));

        Assert.Equal(ErrorKind.InvalidInput, e.Kind);
        Assert.Contains($"{path}:2", e.Message);
        Assert.Contains(problem, e.Message);
    }

    [Fact]
    public void Read_MissingVideo_NotFoundNamingIt()
    {
        string path = Write("""{"video": "gone.mp4", "start": 0, "end": 2, "caption": "x"}""");

        var e = Assert.Throws<RowsFileException>(() => TrainingRowsFile.Read(path));

        Assert.Equal(ErrorKind.NotFound, e.Kind);
        Assert.Contains(Path.Combine(_folder, "gone.mp4"), e.Message);
    }

    [Fact]
    public void Read_NoRows_InvalidInput() =>
        Assert.Equal(ErrorKind.InvalidInput, Assert.Throws<RowsFileException>(() => TrainingRowsFile.Read(Write("", " "))).Kind);

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
