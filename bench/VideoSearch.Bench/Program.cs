using System.Reflection;
using VideoSearch.Bench;

// Each benchmark is a class implementing IBenchmark; `videosearch-bench <name> [args]` runs one, no name lists them.
var benchmarks = Assembly.GetExecutingAssembly().GetTypes()
    .Where(t => typeof(IBenchmark).IsAssignableFrom(t) && t is { IsAbstract: false, IsInterface: false })
    .Select(t => (IBenchmark)Activator.CreateInstance(t)!)
    .OrderBy(b => b.Name, StringComparer.Ordinal)
    .ToList();

var selected = args.Length > 0 ? benchmarks.FirstOrDefault(b => b.Name == args[0]) : null;
if (selected == null)
{
    Console.Error.WriteLine("usage: scripts/bench <name> [args]");
    foreach (var b in benchmarks) Console.Error.WriteLine($"  {b.Name,-12} {b.Description}");
    return args.Length == 0 ? 0 : 2;
}

using var cts = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) => { e.Cancel = true; cts.Cancel(); };
return await selected.RunAsync(args[1..], cts.Token);
