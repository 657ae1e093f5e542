namespace Microsoft.ML.Datasets;

/// <summary>A file published at <see cref="Url"/> with a known size in bytes and SHA-256 (lowercase hex).</summary>
public sealed record RemoteFile(string FileName, Uri Url, long Size, string Sha256);
