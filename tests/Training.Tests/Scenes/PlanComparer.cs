using VideoSearch.Training.Scenes;

namespace VideoSearch.Training.Tests.Scenes;

/// <summary>Compares video plans by value, scenes included (records compare their scene lists by reference).</summary>
internal sealed class PlanComparer : IEqualityComparer<VideoPlan>
{
    private static readonly ScenePlan[] s_none = [];

    public static PlanComparer Instance { get; } = new();

    public bool Equals(VideoPlan? x, VideoPlan? y) =>
        x is not null && y is not null && (x with { Scenes = s_none }) == (y with { Scenes = s_none }) && x.Scenes.SequenceEqual(y.Scenes);

    public int GetHashCode(VideoPlan obj) => HashCode.Combine(obj.Split, obj.Index, obj.Width, obj.Height);
}
