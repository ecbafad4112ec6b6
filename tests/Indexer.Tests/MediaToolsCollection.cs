namespace VideoSearch.Indexer.Tests;

/// <summary>Tests that change PATH (see <see cref="HiddenMediaTools"/>): run alone, so no other test loses ffmpeg.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class MediaToolsCollection
{
    public const string Name = "PATH changes";
}
