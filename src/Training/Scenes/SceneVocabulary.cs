namespace VideoSearch.Training.Scenes;

/// <summary>
/// The words of the synthetic scenes and the one caption template, <c>"a {colour} {shape} {motion}"</c>: 5 colours x 3
/// shapes x 6 motions = 90 captions. The trainer and the evaluation read captions as text, so these spellings are
/// the contract.
/// </summary>
public static class SceneVocabulary
{
    /// <summary>Every colour, in enum order.</summary>
    public static IReadOnlyList<SceneColour> Colours { get; } = Enum.GetValues<SceneColour>();

    /// <summary>Every shape, in enum order.</summary>
    public static IReadOnlyList<SceneShape> Shapes { get; } = Enum.GetValues<SceneShape>();

    /// <summary>Every motion, in enum order.</summary>
    public static IReadOnlyList<SceneMotion> Motions { get; } = Enum.GetValues<SceneMotion>();

    /// <summary>The colour's word, e.g. "red".</summary>
    public static string Word(SceneColour colour) => colour switch
    {
        SceneColour.Red => "red",
        SceneColour.Green => "green",
        SceneColour.Blue => "blue",
        SceneColour.Yellow => "yellow",
        SceneColour.White => "white",
        _ => throw new ArgumentOutOfRangeException(nameof(colour), colour, "Not a scene colour."),
    };

    /// <summary>The shape's word, e.g. "circle".</summary>
    public static string Word(SceneShape shape) => shape switch
    {
        SceneShape.Circle => "circle",
        SceneShape.Square => "square",
        SceneShape.Triangle => "triangle",
        _ => throw new ArgumentOutOfRangeException(nameof(shape), shape, "Not a scene shape."),
    };

    /// <summary>The motion's phrase, e.g. "moving left".</summary>
    public static string Phrase(SceneMotion motion) => motion switch
    {
        SceneMotion.MovingLeft => "moving left",
        SceneMotion.MovingRight => "moving right",
        SceneMotion.MovingUp => "moving up",
        SceneMotion.MovingDown => "moving down",
        SceneMotion.Growing => "growing",
        SceneMotion.Shrinking => "shrinking",
        _ => throw new ArgumentOutOfRangeException(nameof(motion), motion, "Not a scene motion."),
    };

    /// <summary>The caption of a scene: <c>"a {colour} {shape} {motion}"</c>.</summary>
    public static string Caption(SceneColour colour, SceneShape shape, SceneMotion motion) =>
        $"a {Word(colour)} {Word(shape)} {Phrase(motion)}";

    /// <summary>Every caption the vocabulary can form (90), colour-major.</summary>
    public static IReadOnlyList<string> AllCaptions { get; } =
        [.. from c in Colours from s in Shapes from m in Motions select Caption(c, s, m)];
}
