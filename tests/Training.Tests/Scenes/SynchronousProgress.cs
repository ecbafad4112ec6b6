namespace VideoSearch.Training.Tests.Scenes;

/// <summary>An <see cref="IProgress{T}"/> that calls back at once, on the reporting thread (Progress{T} posts later).</summary>
internal sealed class SynchronousProgress<T>(Action<T> report) : IProgress<T>
{
    private readonly Lock _gate = new();

    public void Report(T value)
    {
        lock (_gate) report(value);
    }
}
