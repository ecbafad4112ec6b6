namespace VideoSearch.Training.Scenes;

/// <summary>The colour words of the scene vocabulary (<see cref="SceneVocabulary.Word(SceneColour)"/> spells them).</summary>
public enum SceneColour
{
    /// <summary>"red".</summary>
    Red,

    /// <summary>"green".</summary>
    Green,

    /// <summary>"blue".</summary>
    Blue,

    /// <summary>"yellow".</summary>
    Yellow,

    /// <summary>"white".</summary>
    White,
}
