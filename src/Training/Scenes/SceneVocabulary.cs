using VideoSearch.Training.FineTuning;

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

    /// <summary>The motion the scene shows when played backwards: left and right, up and down, growing and shrinking swap.</summary>
    public static SceneMotion Reversed(SceneMotion motion) => motion switch
    {
        SceneMotion.MovingLeft => SceneMotion.MovingRight,
        SceneMotion.MovingRight => SceneMotion.MovingLeft,
        SceneMotion.MovingUp => SceneMotion.MovingDown,
        SceneMotion.MovingDown => SceneMotion.MovingUp,
        SceneMotion.Growing => SceneMotion.Shrinking,
        SceneMotion.Shrinking => SceneMotion.Growing,
        _ => throw new ArgumentOutOfRangeException(nameof(motion), motion, "Not a scene motion."),
    };

    /// <summary>
    /// How captions change when a scene is played backwards or mirrored left to right (every shape is drawn symmetric
    /// about its vertical axis, so only the horizontal motions swap), for <c>videosearch train --augment</c>.
    /// </summary>
    public static CaptionAugmentations Augmentations { get; } = new(
        Motions.ToDictionary(Phrase, m => Phrase(Reversed(m))),
        new Dictionary<string, string>
        {
            [Phrase(SceneMotion.MovingLeft)] = Phrase(SceneMotion.MovingRight),
            [Phrase(SceneMotion.MovingRight)] = Phrase(SceneMotion.MovingLeft),
        });

    /// <summary>Every caption the vocabulary can form (90), colour-major.</summary>
    public static IReadOnlyList<string> AllCaptions { get; } =
        [.. from c in Colours from s in Shapes from m in Motions select Caption(c, s, m)];
}
