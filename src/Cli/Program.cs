using System.CommandLine;
using VideoSearch.Cli;

using var signals = ShutdownSignals.Register();
// The signals are ours alone (see ShutdownSignals): System.CommandLine's own Ctrl+C handling is off.
var invocation = new InvocationConfiguration { ProcessTerminationTimeout = null };
return await CommandLine.Build().Parse(args).InvokeAsync(invocation, signals.Token);
