namespace VideoSearch.Core.Tests.Inference;

/// <summary>Runs <see cref="Bf16AgreementTests"/> alone: emulated bf16 on the full-size model saturates the CPU.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class Bf16AgreementCollection
{
    /// <summary>The collection's name.</summary>
    public const string Name = "bf16 agreement (full-size model, not parallel)";
}
