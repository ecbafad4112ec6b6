namespace VideoSearch.Core.Catalog;

/// <summary>
/// Who holds a video's lease: this machine, this process and a random part (a restarted process with the same PID is
/// another owner). It is what a row's <c>lease_owner</c> holds, and what logs name.
/// </summary>
public sealed record LeaseOwner(string Id)
{
    /// <summary>A new owner for the running process.</summary>
    public static LeaseOwner ForThisProcess() =>
        new($"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid().ToString("N")[..8]}");

    /// <summary>The owner id.</summary>
    public override string ToString() => Id;
}
