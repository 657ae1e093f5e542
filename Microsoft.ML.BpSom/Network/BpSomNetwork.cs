namespace Microsoft.ML.BpSom;

/// <summary>A logistic MLP whose hidden layers each carry a SOM: the unit that is saved as "the best network"
/// and restored at the end of training (weights and SOMs, including cell labels and reliabilities).</summary>
internal sealed class BpSomNetwork
{
    public BpSomNetwork(MultilayerPerceptron perceptron, SelfOrganizingMap[] maps)
    {
        if (maps.Length != perceptron.OutputLayer - 1)
            throw new ArgumentException($"A network with {perceptron.OutputLayer - 1} hidden layers needs as many SOMs, got {maps.Length}.", nameof(maps));
        for (int h = 0; h < maps.Length; h++)
            if (maps[h].Dimension != perceptron.Layers[h].UnitCount)
                throw new ArgumentException($"The SOM of hidden layer {h + 1} has dimension {maps[h].Dimension}, but the layer has {perceptron.Layers[h].UnitCount} units.", nameof(maps));
        Perceptron = perceptron;
        Maps = maps;
    }

    /// <summary>Weights first, then the SOM prototypes, from one random stream (the reference's order, ALGORITHMS.md A.4).</summary>
    public static BpSomNetwork CreateRandom(int inputCount, IReadOnlyList<int> hiddenSizes, int classCount, int gridSize, GridDistance distance, Random random)
    {
        var sizes = new List<int> { inputCount };
        sizes.AddRange(hiddenSizes);
        sizes.Add(classCount);
        var perceptron = MultilayerPerceptron.CreateRandom(sizes, random);
        var maps = hiddenSizes.Select(size => SelfOrganizingMap.CreateRandom(gridSize, size, classCount, distance, random)).ToArray();
        return new BpSomNetwork(perceptron, maps);
    }

    public MultilayerPerceptron Perceptron { get; }

    /// <summary>Maps[h] belongs to hidden layer h + 1.</summary>
    public SelfOrganizingMap[] Maps { get; }

    public int ClassCount => Perceptron.OutputCount;

    public BpSomNetwork Clone() => new(Perceptron.Clone(), Maps.Select(map => map.Clone()).ToArray());
}
