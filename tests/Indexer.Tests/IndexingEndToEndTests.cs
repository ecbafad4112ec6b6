using VideoSearch.Core.Catalog;
using VideoSearch.Indexer.Progress;
using VideoSearch.Indexer.Verification;

namespace VideoSearch.Indexer.Tests;

/// <summary>The whole test media folder indexed with the tiny model, as the issue's definition of done asks.</summary>
public sealed class IndexingEndToEndTests : IDisposable
{
    private readonly TestLibrary _library = TestLibrary.Create(withLinks: true);

    [Fact]
    public async Task IndexAsync_TestMedia_IndexesGoodFilesRecordsBadOnesAndSecondRunDoesNothing()
    {
        var manifest = TestLibrary.Manifest();

        IndexingSummary first = await _library.IndexAsync();

        var clips = await _library.ClipsByVideoAsync();
        foreach ((string name, (string expect, string? kind)) in manifest)
        {
            VideoRecord? video = await _library.VideoAsync(name);
            switch (expect)
            {
                case "index":
                    Assert.True(video?.Status == VideoStatus.Indexed, $"{name} is {video?.Status.ToString() ?? "unknown"}: {video?.ErrorText}");
                    Assert.True(clips.GetValueOrDefault(name)?.Count > 0, $"{name} has no clips");
                    break;
                case "skip":
                    Assert.True(video?.Status == VideoStatus.Failed, $"{name} is {video?.Status.ToString() ?? "unknown"}");
                    Assert.Equal(kind, video!.ErrorKind);
                    Assert.False(clips.ContainsKey(name));
                    break;
                default:
                    Assert.Null(video);
                    break;
            }
        }
        int good = manifest.Count(m => m.Value.Expect == "index");
        int bad = manifest.Count(m => m.Value.Expect == "skip");
        Assert.Equal(good, first.Indexed);
        Assert.Equal(bad, first.Failed.Count);
        Assert.Equal(clips.Values.Sum(c => c.Count), first.Clips);

        VerificationReport report = await _library.VerifyAsync();
        Assert.True(report.IsConsistent, string.Join(Environment.NewLine, report.Problems));

        IndexingSummary second = await _library.IndexAsync();

        Assert.Equal(0, second.ClipsEmbedded);
        Assert.Equal(0, second.Indexed);
        Assert.Empty(second.Failed);
        Assert.Equal(good, second.Unchanged);
        Assert.Equal(bad, second.PreviouslyFailed.Count);
    }

    public void Dispose() => _library.Dispose();
}
