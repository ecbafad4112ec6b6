using VideoSearch.Training.FineTuning;

namespace VideoSearch.Training.Tests.FineTuning;

public sealed class TrainingRowsReaderTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("rows-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private string Write(params string[] lines)
    {
        string path = Path.Combine(_folder, "rows.jsonl");
        File.WriteAllLines(path, lines);
        return path;
    }

    [Fact]
    public void Read_ResolvesVideosAgainstTheFilesFolder_AndSkipsBlankLines()
    {
        var rows = TrainingRowsReader.Read(Write(
            """{"video": "train/a.mp4", "start": 0, "end": 4.5, "caption": " a red circle moving left "}""",
            "",
            """{"video": "/abs/b.mp4", "start": 4.5, "end": 9, "caption": "a blue square growing"}"""));
        Assert.Equal(2, rows.Count);
        Assert.Equal(Path.Combine(_folder, "train", "a.mp4"), rows[0].Video);
        Assert.Equal("a red circle moving left", rows[0].Caption);
        Assert.Equal((0.0, 4.5), (rows[0].Start, rows[0].End));
        Assert.Equal("/abs/b.mp4", rows[1].Video);
    }

    [Theory]
    [InlineData("not json", ":1: not a JSON object")]
    [InlineData("[1, 2]", ":1: not a JSON object")]
    [InlineData("""{"start": 0, "end": 1, "caption": "x"}""", "\"video\" must be a non-empty string")]
    [InlineData("""{"video": "a.mp4", "start": 2, "end": 1, "caption": "x"}""", "needs 0 <= start < end")]
    [InlineData("""{"video": "a.mp4", "start": "0", "end": 1, "caption": "x"}""", "\"start\" must be a number")]
    [InlineData("""{"video": "a.mp4", "start": 0, "end": 1, "caption": "   "}""", "\"caption\" must hold")]
    public void Read_BadLine_NamesTheLineAndTheProblem(string line, string expected)
    {
        string path = Write(line);
        var error = Assert.Throws<TrainingDataException>(() => TrainingRowsReader.Read(path));
        Assert.Contains(expected, error.Message);
        Assert.Contains(path, error.Message);
    }

    [Fact]
    public void Read_EmptyOrMissingFile_IsRefused()
    {
        Assert.Contains("holds no rows", Assert.Throws<TrainingDataException>(() => TrainingRowsReader.Read(Write("", " "))).Message);
        Assert.Contains("No such rows file", Assert.Throws<TrainingDataException>(() => TrainingRowsReader.Read(Path.Combine(_folder, "none.jsonl"))).Message);
    }
}
