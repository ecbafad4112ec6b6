namespace VideoSearch.Core.Tests.Hub;

/// <summary>A request the fake hub received.</summary>
internal sealed record RecordedRequest(string Method, string Path, IReadOnlyDictionary<string, string> Headers);
