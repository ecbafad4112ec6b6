using System.CommandLine;
using VideoSearch.Core.Errors;
using VideoSearch.Core.Inference;

namespace VideoSearch.Cli.Hosting;

/// <summary>
/// Settings given as flags: any documented appsettings.json key, written <c>--Section:Key=value</c> (or
/// <c>--Section:Key value</c>), e.g. <c>--Web:AccessToken=…</c> or <c>--Indexer:BatchSize=4</c>. They reach the
/// host's configuration as its command-line source, above appsettings.json and the environment.
/// </summary>
internal static class SettingOverrides
{
    /// <summary>Lets <paramref name="command"/> take setting flags besides its own options.</summary>
    public static T Allow<T>(T command) where T : Command
    {
        command.TreatUnmatchedTokensAsErrors = false;
        return command;
    }

    /// <summary>The setting flags of <paramref name="parse"/>, checked: anything else left over is an error. A given
    /// <c>--precision</c> (<see cref="CommonOptions.Precision"/>) becomes <c>--Model:Precision</c>, after any spelled out.</summary>
    /// <exception cref="SettingFlagException">A token is neither one of the command's options nor a setting.</exception>
    /// <exception cref="InvalidPrecisionException">--precision is not auto, bf16 or fp32.</exception>
    public static string[] Of(ParseResult parse)
    {
        string[] settings = Unmatched(parse);
        if (parse.CommandResult.Command.Options.OfType<Option<string>>().FirstOrDefault(o => o.Name == CommonOptions.PrecisionName)
                is { } precision && parse.GetResult(precision) is { Implicit: false })
        {
            string value = parse.GetValue(precision)!;
            PrecisionChoice.ParseMode(value);
            settings = [.. settings, $"--{ModelOptions.SectionName}:{nameof(ModelOptions.Precision)}={value}"];
        }
        return settings;
    }

    /// <summary>
    /// The setting flags of <paramref name="parse"/> (as <see cref="Of"/>) for a command with a variadic argument
    /// (<c>index</c>'s folders), and that argument's own values. System.CommandLine hands such an argument every token
    /// that is none of the command's options, setting flags included, so they are taken back out of its tokens here.
    /// </summary>
    /// <exception cref="SettingFlagException">A setting has no value, or a leftover token is no setting.</exception>
    /// <exception cref="InvalidPrecisionException">--precision is not auto, bf16 or fp32.</exception>
    public static (string[] Settings, string[] Values) Split(ParseResult parse, Argument variadic)
    {
        List<string> tokens = parse.GetResult(variadic)?.Tokens.Select(t => t.Value).ToList() ?? [];
        var settings = new List<string>();
        var values = new List<string>();
        for (int i = 0; i < tokens.Count; i++)
        {
            if (IsSettingKey(tokens[i])) i = TakeSetting(tokens, i, settings);
            else values.Add(tokens[i]);
        }
        return ([.. settings, .. Of(parse)], [.. values]);
    }

    private static string[] Unmatched(ParseResult parse)
    {
        var tokens = parse.UnmatchedTokens;
        var settings = new List<string>(tokens.Count);
        for (int i = 0; i < tokens.Count; i++)
        {
            if (!IsSettingKey(tokens[i]))
                throw new SettingFlagException($"Unrecognized argument '{tokens[i]}'. Settings are given as --Section:Key=value (see the README).");
            i = TakeSetting(tokens, i, settings);
        }
        return [.. settings];
    }

    /// <summary>
    /// Adds the setting at <paramref name="i"/> (and its value, when it is written apart) to <paramref name="settings"/>;
    /// returns the index of its last token.
    /// </summary>
    private static int TakeSetting(IReadOnlyList<string> tokens, int i, List<string> settings)
    {
        string token = tokens[i];
        settings.Add(token);
        if (!token.Contains('=') && i + 1 < tokens.Count && !tokens[i + 1].StartsWith("--", StringComparison.Ordinal))
            settings.Add(tokens[++i]);
        else if (!token.Contains('='))
            throw new SettingFlagException($"The setting '{token}' has no value: write {token}=value.");
        return i;
    }

    private static bool IsSettingKey(string token)
    {
        if (!token.StartsWith("--", StringComparison.Ordinal)) return false;
        string key = token[2..].Split('=', 2)[0];
        return key.Contains(':') && key.Split(':').All(part => part.Length > 0 && part.All(c => char.IsLetterOrDigit(c) || c is '_' or '.'));
    }
}

/// <summary>A command-line token that is neither an option of the command nor a setting flag.</summary>
internal sealed class SettingFlagException(string message) : VideoSearchException(ErrorKind.InvalidInput, message);
