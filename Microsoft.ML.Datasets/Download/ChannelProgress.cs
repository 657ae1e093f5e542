using System.Globalization;
using Microsoft.ML.Runtime;

namespace Microsoft.ML.Datasets;

/// <summary>Reports download progress as Info messages on an <see cref="MLContext"/> log channel
/// (synchronously, unlike <see cref="Progress{T}"/>, so messages arrive in order), e.g.
/// "Downloading t10k-labels-idx1-ubyte.gz: 100% (4.4 of 4.4 KB)".</summary>
internal sealed class ChannelProgress(IChannel channel) : IProgress<DownloadProgress>
{
    public void Report(DownloadProgress value)
    {
        var (scale, unit) = value.TotalBytes >= 1 << 20 ? (1 << 20, "MB") : (1 << 10, "KB");
        channel.Info(string.Format(CultureInfo.InvariantCulture, "Downloading {0}: {1:F0}% ({2:F1} of {3:F1} {4})",
            value.FileName, value.Fraction * 100, (double)value.BytesReceived / scale, (double)value.TotalBytes / scale, unit));
    }
}
