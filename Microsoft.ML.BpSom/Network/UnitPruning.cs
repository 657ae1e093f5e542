namespace Microsoft.ML.BpSom;

/// <summary>Unit pruning (ALGORITHMS.md A.11): a hidden unit whose activation barely varies is replaced by its mean.
/// Its outgoing contribution mean·w moves into the next layer's biases, and its component leaves the layer's SOM,
/// so the network computes almost the same function with one unit fewer.</summary>
internal static class UnitPruning
{
    /// <summary>Prunes every unit of hidden layer <paramref name="layer"/> whose standard deviation is ≤ <paramref name="threshold"/>,
    /// keeping at least one unit. With <paramref name="skipSlidUnit"/> (the reference's scan, a [quirk]) the unit that slides
    /// into a pruned unit's slot is not tested until the next round. Returns how many units were removed.</summary>
    public static int PruneLayer(MultilayerPerceptron network, int layer, ActivationStatistics statistics, SelfOrganizingMap? map,
        float threshold, bool skipSlidUnit)
    {
        int pruned = 0;
        for (int i = 0; i < network.Layers[layer - 1].UnitCount; i++)
        {
            if (network.Layers[layer - 1].UnitCount <= 1) break;
            if (statistics.StandardDeviation[i] > threshold) continue;
            RemoveUnit(network, layer, i, statistics, map);
            pruned++;
            if (!skipSlidUnit) i--;
        }
        return pruned;
    }

    /// <summary>Removes unit <paramref name="unit"/> of hidden layer <paramref name="layer"/>, folding mean·w into the next layer's biases.</summary>
    public static void RemoveUnit(MultilayerPerceptron network, int layer, int unit, ActivationStatistics statistics, SelfOrganizingMap? map)
    {
        if (layer < 1 || layer >= network.OutputLayer)
            throw new ArgumentOutOfRangeException(nameof(layer), layer, $"Only hidden layers 1..{network.OutputLayer - 1} can lose units.");
        if (network.Layers[layer - 1].UnitCount <= 1)
            throw new InvalidOperationException($"Hidden layer {layer} has a single unit left; it cannot be pruned.");
        network.Layers[layer].RemoveInput(unit, statistics.Mean[unit]);
        network.Layers[layer - 1].RemoveUnit(unit);
        map?.RemoveComponent(unit);
        statistics.RemoveUnit(unit);
    }
}
