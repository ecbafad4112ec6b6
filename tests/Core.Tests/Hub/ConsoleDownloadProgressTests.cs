using VideoSearch.Core.Hub;

namespace VideoSearch.Core.Tests.Hub;

public class ConsoleDownloadProgressTests
{
    [Fact]
    public void Format_KnownTotal_ShowsMegabytesPercentAndRate()
    {
        string line = ConsoleDownloadProgress.Format(new DownloadProgress("model.safetensors", 50_000_000, 200_000_000, 12_300_000));

        Assert.Equal("model.safetensors  50.0 / 200.0 MB  25%  12.3 MB/s", line);
    }

    [Fact]
    public void Report_Terminal_RewritesOneLineAndEndsItOnCompletion()
    {
        var output = new StringWriter();
        var progress = new ConsoleDownloadProgress(output, interactive: true);

        progress.Report(new DownloadProgress("model.safetensors", 0, 2_000_000, 0));
        progress.Report(new DownloadProgress("model.safetensors", 1_000_000, 2_000_000, 1_000_000));
        progress.Report(new DownloadProgress("model.safetensors", 2_000_000, 2_000_000, 1_000_000));

        string text = output.ToString();
        Assert.Equal(3, text.Count(c => c == '\r'));
        Assert.Equal(1, text.Count(c => c == '\n'));
        Assert.EndsWith("2.0 / 2.0 MB 100%  1.0 MB/s\n", text.Replace(Environment.NewLine, "\n"));
    }

    [Fact]
    public void Report_Redirected_WritesStartAndCompletionLinesOnly()
    {
        var output = new StringWriter();
        // An hour between periodic lines, so only the start and completion lines can appear.
        var progress = new ConsoleDownloadProgress(output, interactive: false, TimeSpan.FromHours(1));

        for (long done = 0; done <= 10; done++)
            progress.Report(new DownloadProgress("vocab.json", done, 10, 0));

        string[] lines = output.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        Assert.DoesNotContain('\r', output.ToString());
        Assert.Contains("100%", lines[1]);
    }
}
