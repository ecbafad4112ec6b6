namespace VideoSearch.Core.Tests.Model;

/// <summary>Tests that build large models from torch's global random generator: run alone, because seeded tests in
/// other classes (same seed, same draws) would otherwise see their sequence interleaved with these draws.</summary>
[CollectionDefinition(nameof(TorchGlobalRandomCollection), DisableParallelization = true)]
public sealed class TorchGlobalRandomCollection;
