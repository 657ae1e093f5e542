using Microsoft.ML.BpSom;

namespace Microsoft.ML.Experiments.Reporting;

/// <summary>A trained BP-SOM network's SOMs as kept with its weights (those of the epoch model selection chose), for the report.</summary>
public sealed record TrainedSoms(string Trainer, int Epoch, IReadOnlyList<SelfOrganizingMap> Maps)
{
    /// <summary>The epoch whose network training kept: the last one marked best, else the last one.</summary>
    public static int KeptEpoch(IEnumerable<(int Epoch, bool IsBest)> history)
    {
        var epochs = history.ToArray();
        return epochs.LastOrDefault(e => e.IsBest) is { Epoch: > 0 } best ? best.Epoch : epochs.Length;
    }
}
