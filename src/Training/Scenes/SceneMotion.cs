namespace VideoSearch.Training.Scenes;

/// <summary>The motion phrases of the scene vocabulary (<see cref="SceneVocabulary.Phrase(SceneMotion)"/> spells them).</summary>
public enum SceneMotion
{
    /// <summary>"moving left": the centre travels towards x = 0.</summary>
    MovingLeft,

    /// <summary>"moving right": the centre travels towards x = width.</summary>
    MovingRight,

    /// <summary>"moving up": the centre travels towards y = 0 (the top of the picture).</summary>
    MovingUp,

    /// <summary>"moving down": the centre travels towards y = height.</summary>
    MovingDown,

    /// <summary>"growing": the radius increases, the centre stays put.</summary>
    Growing,

    /// <summary>"shrinking": the radius decreases, the centre stays put.</summary>
    Shrinking,
}
