namespace VideoSearch.Core.Media;

/// <summary>How a tool run ended: exit code, collected stdout text (empty when stdout was streamed), last stderr lines.</summary>
internal sealed record ToolResult(int ExitCode, string StandardOutput, IReadOnlyList<string> StderrTail)
{
    /// <summary>The last stderr lines joined for an error message.</summary>
    public string StderrSummary => string.Join(" / ", StderrTail.Where(l => l.Length > 0).TakeLast(3));
}
