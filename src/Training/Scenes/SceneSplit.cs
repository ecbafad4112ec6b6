namespace VideoSearch.Training.Scenes;

/// <summary>The three disjoint parts of a scene set; each video belongs to exactly one.</summary>
public enum SceneSplit
{
    /// <summary>Videos the model is trained on (<c>train/</c>, <c>train.jsonl</c>).</summary>
    Train,

    /// <summary>Videos watched during training to pick a checkpoint (<c>validation/</c>, <c>validation.jsonl</c>).</summary>
    Validation,

    /// <summary>Videos kept for the final evaluation (<c>test/</c>, <c>test.jsonl</c>).</summary>
    Test,
}
