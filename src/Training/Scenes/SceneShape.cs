namespace VideoSearch.Training.Scenes;

/// <summary>The shape words of the scene vocabulary (<see cref="SceneVocabulary.Word(SceneShape)"/> spells them).</summary>
public enum SceneShape
{
    /// <summary>"circle": a disc of the scene's radius.</summary>
    Circle,

    /// <summary>"square": an axis-aligned square whose half side is the scene's radius.</summary>
    Square,

    /// <summary>"triangle": an upright equilateral triangle inscribed in the circle of the scene's radius.</summary>
    Triangle,
}
