namespace VideoSearch.Web.Tests.Support;

/// <summary>A <see cref="SampleMedia"/> for one test, deleted with <c>await using</c>.</summary>
internal sealed class DisposableMedia : IAsyncDisposable
{
    public SampleMedia Value { get; } = SampleMedia.Create();

    public ValueTask DisposeAsync()
    {
        Value.Dispose();
        return ValueTask.CompletedTask;
    }
}
