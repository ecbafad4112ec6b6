namespace VideoSearch.Bench;

/// <summary>One committed benchmark: prints its figures (measured side by side in one run) to standard output.</summary>
public interface IBenchmark
{
    /// <summary>The name used on the command line, e.g. <c>model</c>.</summary>
    string Name { get; }

    /// <summary>One line saying what it measures.</summary>
    string Description { get; }

    /// <summary>Runs the benchmark; <paramref name="args"/> are the arguments after the name.</summary>
    Task<int> RunAsync(string[] args, CancellationToken cancellationToken);
}
