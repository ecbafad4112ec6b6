namespace VideoSearch.Core.Catalog;

/// <summary>A video whose indexing failed, with the reason.</summary>
/// <param name="Id">The video's id.</param>
/// <param name="Path">Full path of the file.</param>
/// <param name="ErrorKind">Short failure category.</param>
/// <param name="ErrorText">Failure message.</param>
public sealed record FailedVideo(VideoId Id, string Path, string ErrorKind, string ErrorText);
