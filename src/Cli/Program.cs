using VideoSearch.Cli;

return await CommandLine.Build().Parse(args).InvokeAsync();
