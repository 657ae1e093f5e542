namespace Microsoft.ML.Datasets;

/// <summary>Progress of one download: bytes received so far out of <see cref="TotalBytes"/>.</summary>
public readonly record struct DownloadProgress(string FileName, long BytesReceived, long TotalBytes)
{
    public double Fraction => TotalBytes > 0 ? (double)BytesReceived / TotalBytes : 0;
}
