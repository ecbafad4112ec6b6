namespace VideoSearch.Training.Scenes;

/// <summary>
/// A video's background: one base colour with grey per-pixel noise of up to +-<see cref="NoiseAmplitude"/> levels
/// added to every channel, drawn afresh for every frame from <see cref="NoiseSeed"/> and the frame number.
/// </summary>
/// <param name="Base">The colour before noise: a dark colour of any hue, or a mid-grey.</param>
/// <param name="NoiseAmplitude">The largest change noise makes to a channel, in 8-bit levels.</param>
/// <param name="NoiseSeed">The seed the noise of every frame is derived from.</param>
public sealed record SceneBackground(SceneRgb Base, int NoiseAmplitude, ulong NoiseSeed);
