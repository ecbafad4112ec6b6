namespace VideoSearch.Bench.Search;

/// <summary>Queries of the kind people type into a video search box (short, some long, some odd).</summary>
internal static class QueryPhrases
{
    public static readonly string[] All =
    [
        "a dog running on the beach", "kids blowing out birthday candles", "sunset over the ocean",
        "someone playing guitar on a stage", "a cat jumping off the sofa", "snow falling in the street at night",
        "a man cooking pasta in a small kitchen", "fireworks", "drone shot of a mountain lake",
        "people dancing at a wedding", "a red car driving through the desert", "baby laughing",
        "football match goal celebration", "rain on a window", "a woman riding a horse in a field",
        "close up of a flower with a bee", "timelapse of clouds over a city skyline", "two people shaking hands in an office",
        "a boat on a river in the morning mist", "skateboarder doing a kickflip",
        "grandma opening a present at christmas while the whole family watches and laughs", "crowd at a concert",
        "a plane taking off", "waves crashing against rocks", "someone typing on a laptop in a cafe",
        "a bird eating from a feeder", "children playing in the snow building a snowman", "a train passing a level crossing",
        "whiteboard presentation", "a dog catching a frisbee in the park",
    ];
}
