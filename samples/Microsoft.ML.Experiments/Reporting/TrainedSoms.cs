using Microsoft.ML.BpSom;

namespace Microsoft.ML.Experiments.Reporting;

/// <summary>One trainer's SOMs for the report: a snapshot of every SOM after each labelled epoch, and the epoch whose network
/// training kept (model selection's choice).</summary>
/// <param name="Epochs">In epoch order; each holds one snapshot per hidden layer.</param>
public sealed record TrainedSoms(string Trainer, int KeptEpoch, IReadOnlyList<SomEpoch> Epochs)
{
    /// <summary>The original trainer's SOMs from its labelled (test) epochs; see <see cref="FinalMapsOnly"/> for a history without any.</summary>
    public static TrainedSoms Of(string trainer, BpSomModelParameters model)
    {
        int kept = KeptEpochOf(model.History.Select(e => (e.Epoch, e.IsBest)));
        var labelled = model.History.Where(e => e.Soms.Count > 0).Select(e => new SomEpoch(e.Epoch, e.Soms)).ToArray();
        return labelled.Length > 0 ? new TrainedSoms(trainer, kept, labelled) : FinalMapsOnly(trainer, kept, model.Maps);
    }

    /// <summary>The text classifier's SOM after every epoch; see <see cref="FinalMapsOnly"/> for a history without snapshots.</summary>
    public static TrainedSoms Of(string trainer, BpSomTextModelParameters model)
    {
        int kept = KeptEpochOf(model.History.Select(e => (e.Epoch, e.IsBest)));
        var labelled = model.History.Where(e => e.Som is not null).Select(e => new SomEpoch(e.Epoch, [e.Som!])).ToArray();
        return labelled.Length > 0 ? new TrainedSoms(trainer, kept, labelled) : FinalMapsOnly(trainer, kept, [model.Map]);
    }

    /// <summary>When no epoch was labelled during training (the original trainer with fewer epochs than TestRatio) or the history
    /// predates snapshots, the maps kept with the model — labelled on the training set after training — are the only ones to draw.</summary>
    private static TrainedSoms FinalMapsOnly(string trainer, int kept, IReadOnlyList<SelfOrganizingMap> maps) =>
        new(trainer, kept, [new SomEpoch(kept, [.. maps.Select(map => map.Snapshot())])]);

    /// <summary>The epoch whose network training kept: the last one marked best, else the last one.</summary>
    private static int KeptEpochOf(IEnumerable<(int Epoch, bool IsBest)> history)
    {
        var epochs = history.ToArray();
        return epochs.LastOrDefault(e => e.IsBest) is { Epoch: > 0 } best ? best.Epoch : epochs.Length;
    }
}

/// <summary>The SOMs of one labelled epoch, Maps[h] being hidden layer h + 1's.</summary>
public sealed record SomEpoch(int Epoch, IReadOnlyList<SomSnapshot> Maps);
