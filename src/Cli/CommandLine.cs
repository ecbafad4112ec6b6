using System.CommandLine;
using VideoSearch.Cli.Commands;

namespace VideoSearch.Cli;

/// <summary>The <c>videosearch</c> command tree; each command parses its options and calls one service.</summary>
public static class CommandLine
{
    /// <summary>Builds the root command with every subcommand.</summary>
    public static RootCommand Build()
    {
        var root = new RootCommand("VideoSearch: index a folder of videos and search them by text with X-CLIP.")
        {
            ModelCommand.Create(),
            ClassifyCommand.Create(),
            IndexCommand.Create(),
            VerifyCommand.Create(),
            SearchCommand.Create(),
            ServeCommand.Create(),
            ScenesCommand.Create(),
            TrainCommand.Create(),
        };
        return root;
    }
}
