namespace VideoSearch.Core.Tests.Hub;

/// <summary>Calls back on the reporting thread, unlike <see cref="Progress{T}"/>, so reports are all seen before the call returns.</summary>
internal sealed class SynchronousProgress<T>(Action<T> report) : IProgress<T>
{
    public void Report(T value) => report(value);
}
